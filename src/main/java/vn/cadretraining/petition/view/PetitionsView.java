package vn.cadretraining.petition.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.entity.PetitionField;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.petition.service.PetitionService;
import vn.cadretraining.petition.service.PetitionService.Step;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.faces.PagedModel;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The petitions list of a commune or of the province: filters, paging in the database, a dialog to record one and
 * a dialog to move one along its lifecycle. After a change the page opens afresh (the list and its counts read
 * again); a refusal keeps the dialog open with what was typed.
 */
@Named
@ViewScoped
public class PetitionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PetitionService petitions;

    private PetitionState state;
    private boolean overdueOnly;
    private boolean atProvinceOnly;
    private PagedModel<Petition> model;

    // the record dialog
    private Cadre raiser;
    private Long briefingId;
    private PetitionField field;
    private String content;
    private LocalDate receivedOn;
    private List<CourseClass> briefings;

    // the step dialog
    private Petition selected;
    private String body;
    private String answer;
    private String answerNumber;
    private String reason;

    @PostConstruct
    void init() {
        model = PagedModel.ofEntities(() -> petitions.count(filter()), page -> petitions.list(filter(), page));
    }

    private PetitionService.Filter filter() {
        return new PetitionService.Filter(state, overdueOnly, atProvinceOnly);
    }

    public boolean isOverdue(Petition p) {
        return p.isOverdue(VietnamTime.today());
    }

    public boolean mayAct(Petition p) {
        return p != null && petitions.mayAct(p);
    }

    // ---- recording -------------------------------------------------------------------------------------

    public void startRecord() {
        raiser = null;
        briefingId = null;
        field = null;
        content = null;
        receivedOn = VietnamTime.today();
        if (briefings == null) {
            briefings = petitions.briefings();
        }
    }

    public List<Cadre> completeRaiser(String typed) {
        return petitions.raisers(typed);
    }

    public String saveRecord() {
        try {
            Petition p = petitions.record(new PetitionService.Draft(raiser == null ? null : raiser.getId(), briefingId,
                    field, content, receivedOn));
            Messages.info("petition.recorded", p.getRaiser().getFullName(), VietnamTime.DATE.format(p.getDueOn()));
            Messages.keepForRedirect();
            return "/petitions/list?faces-redirect=true";
        } catch (BusinessException e) {
            Messages.error(e);
            return null;
        }
    }

    // ---- moving along ----------------------------------------------------------------------------------

    public void open(Petition row) {
        selected = petitions.get(row.getId());
        body = selected.getResponsibleBody();
        answer = null;
        answerNumber = null;
        reason = null;
    }

    public String assign() {
        return step(Step.ASSIGN);
    }

    public String startHandling() {
        return step(Step.START);
    }

    public String answer() {
        return step(Step.ANSWER);
    }

    public String confirm() {
        return step(Step.CONFIRM);
    }

    public String reopen() {
        return step(Step.REOPEN);
    }

    public String transferUp() {
        return step(Step.TRANSFER_UP);
    }

    public String transferDown() {
        return step(Step.TRANSFER_DOWN);
    }

    private String step(Step step) {
        if (selected == null) {
            Messages.error("petition.error.state");
            return null;
        }
        try {
            Petition p = petitions.move(selected.getId(), step,
                    new PetitionService.StepForm(body, answer, answerNumber, reason));
            Messages.info("petition.moved", String.valueOf(p.getId()), Messages.text(p.getState().getDeclaringClass().getSimpleName() + "." + p.getState().name()));
            Messages.keepForRedirect();
            return "/petitions/list?faces-redirect=true";
        } catch (BusinessException e) {
            Messages.error(e);
            return null;
        }
    }

    // ---- for the page ----------------------------------------------------------------------------------

    public PetitionState[] getStates() {
        return PetitionState.values();
    }

    public PetitionField[] getFields() {
        return PetitionField.values();
    }

    public int deadlineDays(PetitionField f) {
        return petitions.deadlineDays(f);
    }

    public LocalDate getToday() {
        return VietnamTime.today();
    }

    public PagedModel<Petition> getModel() {
        return model;
    }

    public List<CourseClass> getBriefings() {
        return briefings == null ? List.of() : briefings;
    }

    public PetitionState getState() {
        return state;
    }

    public void setState(PetitionState state) {
        this.state = state;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public void setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public boolean isAtProvinceOnly() {
        return atProvinceOnly;
    }

    public void setAtProvinceOnly(boolean atProvinceOnly) {
        this.atProvinceOnly = atProvinceOnly;
    }

    public Cadre getRaiser() {
        return raiser;
    }

    public void setRaiser(Cadre raiser) {
        this.raiser = raiser;
    }

    public Long getBriefingId() {
        return briefingId;
    }

    public void setBriefingId(Long briefingId) {
        this.briefingId = briefingId;
    }

    public PetitionField getField() {
        return field;
    }

    public void setField(PetitionField field) {
        this.field = field;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public Petition getSelected() {
        return selected;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public String getAnswerNumber() {
        return answerNumber;
    }

    public void setAnswerNumber(String answerNumber) {
        this.answerNumber = answerNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
