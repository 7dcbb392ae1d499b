package vn.cadretraining.people.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.primefaces.PrimeFaces;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Ethnicity;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.CadreAccountService;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.people.service.ReferenceData;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;

/** One cadre: details, positions and account; a new cadre when no id is given. */
@Named
@ViewScoped
public class CadreView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CadreService cadres;

    @Inject
    CadreAccountService cadreAccounts;

    @Inject
    ReferenceData reference;

    private Long id;
    private Cadre cadre;
    private boolean editable;
    private boolean editFailed;
    private List<Position> positions = List.of();
    private Account account;

    // the form
    private String code;
    private String fullName;
    private Gender gender;
    private LocalDate birthDate;
    private String ethnicityCode;
    private String phone;
    private EducationLevel education;
    private PoliticalTheoryLevel politicalTheory;
    private boolean partyMember;
    private LocalDate partyJoined;
    private String nationalId;
    private AdminUnit unit;

    // a new position
    private Long newTitleId;
    private AdminUnit newUnit;
    private LocalDate newStart;
    private String newTerm;
    private boolean newNewlyElected;

    // ending a position
    private Long endingId;
    private LocalDate endingDay;

    // an account just given or reset
    private boolean accountByPhone;
    private String issuedUsername;
    private String issuedPassword;

    /** The view action: loads the cadre in the caller's scope (404 outside it). */
    public void load() {
        if (id == null) {
            editable = true;
            gender = Gender.MALE;
            return;
        }
        CadreService.Page page = cadres.page(id);
        cadre = page.cadre();
        editable = page.editable();
        code = cadre.getCode();
        fullName = cadre.getFullName();
        gender = cadre.getGender();
        birthDate = cadre.getBirthDate();
        ethnicityCode = cadre.getEthnicity() == null ? null : cadre.getEthnicity().getCode();
        phone = cadre.getPhone();
        education = cadre.getEducation();
        politicalTheory = cadre.getPoliticalTheory();
        partyMember = cadre.isPartyMember();
        partyJoined = cadre.getPartyJoined();
        nationalId = page.nationalId();
        unit = cadre.getUnit();
        positions = page.positions();
        account = page.account();
    }

    public String save() {
        CadreService.Details details = new CadreService.Details(fullName, gender, birthDate, ethnicityCode, phone,
                education, politicalTheory, partyMember, partyJoined, nationalId, unit == null ? null : unit.getId());
        try {
            if (cadre == null) {
                Cadre created = cadres.create(code, details);
                Messages.info("cadre.created", created.getFullName());
                Messages.keepForRedirect();
                return "/people/cadre?faces-redirect=true&id=" + created.getId();
            }
            cadres.update(cadre.getId(), cadre.getVersion(), details);
            Messages.info("cadre.saved", fullName);
            // back to the record, the details folded again
            Messages.keepForRedirect();
            return "/people/cadre?faces-redirect=true&id=" + cadre.getId();
        } catch (BusinessException e) {
            editFailed = true;
            Messages.error(e);
        }
        return null;
    }

    /** A save refused by the service: the details stay open with what was typed. */
    public boolean isEditFailed() {
        return editFailed;
    }

    public void startPosition() {
        newTitleId = null;
        newUnit = cadre.getUnit();
        newStart = VietnamTime.today();
        newTerm = null;
        newNewlyElected = true;
    }

    public void addPosition() {
        Actions.inDialog("positionDialog", () -> cadres.addPosition(cadre.getId(), newTitleId,
                newUnit == null ? 0 : newUnit.getId(), newStart, newTerm, newNewlyElected), this::load,
                "cadre.positionAdded");
    }

    public void startEnding(Position position) {
        endingId = position.getId();
        endingDay = VietnamTime.today();
    }

    public void endPosition() {
        if (endingId == null) {
            // the dialog was posted without a position chosen from the table (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("endDialog", () -> cadres.endPosition(endingId, endingDay), this::load, "cadre.positionEnded");
    }

    public void giveAccount() {
        Actions.attempt(() -> {
            show(cadreAccounts.give(cadre.getId(), accountByPhone));
            load();
        });
    }

    public void resetAccount() {
        Actions.attempt(() -> {
            show(cadreAccounts.reset(cadre.getId()));
            load();
        });
    }

    private void show(AccountService.Issued issued) {
        issuedUsername = issued.account().getUsername();
        issuedPassword = issued.temporaryPassword();
        PrimeFaces.current().executeScript("PF('slipDialog').show()");
    }

    public void forgetIssued() {
        issuedUsername = null;
        issuedPassword = null;
    }

    public boolean isCreating() {
        return cadre == null;
    }

    public String getTitleText() {
        return cadre == null ? Messages.text("cadre.new") : cadre.getFullName();
    }

    public List<PositionTitle> getTitles() {
        return reference.activeTitles();
    }

    public List<Ethnicity> getEthnicities() {
        return reference.ethnicities();
    }

    public Gender[] getGenders() {
        return Gender.values();
    }

    public EducationLevel[] getEducationLevels() {
        return EducationLevel.values();
    }

    public PoliticalTheoryLevel[] getPoliticalTheoryLevels() {
        return PoliticalTheoryLevel.values();
    }

    public Optional<Account> account() {
        return Optional.ofNullable(account);
    }

    public Account getAccount() {
        return account;
    }

    public Cadre getCadre() {
        return cadre;
    }

    public boolean isEditable() {
        return editable;
    }

    public List<Position> getPositions() {
        return positions;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getEthnicityCode() {
        return ethnicityCode;
    }

    public void setEthnicityCode(String ethnicityCode) {
        this.ethnicityCode = ethnicityCode;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public EducationLevel getEducation() {
        return education;
    }

    public void setEducation(EducationLevel education) {
        this.education = education;
    }

    public PoliticalTheoryLevel getPoliticalTheory() {
        return politicalTheory;
    }

    public void setPoliticalTheory(PoliticalTheoryLevel politicalTheory) {
        this.politicalTheory = politicalTheory;
    }

    public boolean isPartyMember() {
        return partyMember;
    }

    public void setPartyMember(boolean partyMember) {
        this.partyMember = partyMember;
    }

    public LocalDate getPartyJoined() {
        return partyJoined;
    }

    public void setPartyJoined(LocalDate partyJoined) {
        this.partyJoined = partyJoined;
    }

    public String getNationalId() {
        return nationalId;
    }

    public void setNationalId(String nationalId) {
        this.nationalId = nationalId;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public void setUnit(AdminUnit unit) {
        this.unit = unit;
    }

    public Long getNewTitleId() {
        return newTitleId;
    }

    public void setNewTitleId(Long newTitleId) {
        this.newTitleId = newTitleId;
    }

    public AdminUnit getNewUnit() {
        return newUnit;
    }

    public void setNewUnit(AdminUnit newUnit) {
        this.newUnit = newUnit;
    }

    public LocalDate getNewStart() {
        return newStart;
    }

    public void setNewStart(LocalDate newStart) {
        this.newStart = newStart;
    }

    public String getNewTerm() {
        return newTerm;
    }

    public void setNewTerm(String newTerm) {
        this.newTerm = newTerm;
    }

    public boolean isNewNewlyElected() {
        return newNewlyElected;
    }

    public void setNewNewlyElected(boolean newNewlyElected) {
        this.newNewlyElected = newNewlyElected;
    }

    public LocalDate getEndingDay() {
        return endingDay;
    }

    public void setEndingDay(LocalDate endingDay) {
        this.endingDay = endingDay;
    }

    public boolean isAccountByPhone() {
        return accountByPhone;
    }

    public void setAccountByPhone(boolean accountByPhone) {
        this.accountByPhone = accountByPhone;
    }

    public String getIssuedUsername() {
        return issuedUsername;
    }

    public String getIssuedPassword() {
        return issuedPassword;
    }
}
