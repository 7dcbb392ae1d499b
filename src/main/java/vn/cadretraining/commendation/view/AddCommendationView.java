package vn.cadretraining.commendation.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import vn.cadretraining.commendation.entity.CommendationForm;
import vn.cadretraining.commendation.entity.IssuingLevel;
import vn.cadretraining.commendation.service.CommendationService;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/** The "add commendation" dialog of the cadre page. */
@Named
@ViewScoped
public class AddCommendationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CommendationService commendations;

    private Long cadreId;
    private String decisionNumber;
    private LocalDate decisionDate;
    private IssuingLevel level;
    private CommendationForm form;
    private String reason;

    // a candidate from the commendations page: the year and the reasons ("p": petitions, "a": attendance)
    private Integer proposedYear;
    private String proposedWhy;
    private boolean proposed;

    /** Whether the caller may commend this cadre (shows the button; the service checks again). */
    public boolean mayRecord(Cadre cadre) {
        return cadre != null && commendations.mayRecord(cadre);
    }

    public void start(Cadre cadre) {
        cadreId = cadre.getId();
        decisionNumber = null;
        decisionDate = VietnamTime.today();
        level = IssuingLevel.COMMUNE;
        form = CommendationForm.GIAY_KHEN;
        reason = null;
    }

    /**
     * Opens the form prefilled when the page was reached from a candidate ("commend"): the reasons the records
     * gave, as the decision would word them. Nothing is recorded until the person saves.
     */
    public void propose(Cadre cadre) {
        if (proposedYear == null || cadre == null || !mayRecord(cadre)) {
            return;
        }
        start(cadre);
        java.util.List<String> reasons = new java.util.ArrayList<>();
        String why = proposedWhy == null ? "" : proposedWhy;
        if (why.contains("p")) {
            reasons.add(Messages.text("commendation.proposal.petitions", String.valueOf(proposedYear)));
        }
        if (why.contains("a")) {
            reasons.add(Messages.text("commendation.proposal.attendance", String.valueOf(proposedYear)));
        }
        reason = String.join("; ", reasons);
        proposed = true;
    }

    public boolean isProposed() {
        return proposed;
    }

    public Integer getProposedYear() {
        return proposedYear;
    }

    public void setProposedYear(Integer proposedYear) {
        this.proposedYear = proposedYear;
    }

    public String getProposedWhy() {
        return proposedWhy;
    }

    public void setProposedWhy(String proposedWhy) {
        this.proposedWhy = proposedWhy;
    }

    /**
     * Records the commendation and opens the cadre's page again, read afresh (the record's list is read once per
     * request, from the page's view parameter, which an AJAX post does not carry); a refusal keeps the dialog open.
     */
    public String save() {
        try {
            commendations.record(cadreId, new CommendationService.Draft(decisionNumber, decisionDate, level, form,
                    reason));
            Messages.info("commendation.recorded", decisionNumber == null ? "" : decisionNumber.strip());
            Messages.keepForRedirect();
            return "/people/cadre?faces-redirect=true&id=" + cadreId;
        } catch (BusinessException e) {
            Messages.error(e);
            return null;
        }
    }

    public IssuingLevel[] getLevels() {
        return IssuingLevel.values();
    }

    public CommendationForm[] getForms() {
        return CommendationForm.values();
    }

    public LocalDate getToday() {
        return VietnamTime.today();
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public void setDecisionNumber(String decisionNumber) {
        this.decisionNumber = decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public IssuingLevel getLevel() {
        return level;
    }

    public void setLevel(IssuingLevel level) {
        this.level = level;
    }

    public CommendationForm getForm() {
        return form;
    }

    public void setForm(CommendationForm form) {
        this.form = form;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
