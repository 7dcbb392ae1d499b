package vn.cadretraining.security.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.service.UnitService;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.shared.faces.PagedModel;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;

/** The administrator's account list: create, edit role and scope, disable, reset a password. */
@Named
@ViewScoped
public class AccountsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    @Inject
    UnitService units;

    private String text;
    private Role role;
    private Boolean enabled;
    private PagedModel<Account> model;

    /** The account in the dialog: null id for a new one. */
    private Long editId;
    private long editVersion;
    private String editUsername;
    private String editDisplayName;
    private Role editRole;
    private AdminUnit editUnit;

    /** A one-time password, shown once in its own dialog after create or reset. */
    private String issuedUsername;
    private String issuedPassword;

    @PostConstruct
    void init() {
        model = PagedModel.ofEntities(
                () -> accounts.count(filter()),
                page -> accounts.list(filter(), page));
    }

    private AccountService.Filter filter() {
        return new AccountService.Filter(text, role, enabled);
    }

    public void startCreate() {
        editId = null;
        editVersion = 0;
        editUsername = null;
        editDisplayName = null;
        editRole = Role.CADRE;
        editUnit = null;
    }

    public void startEdit(Account account) {
        editId = account.getId();
        editVersion = account.getVersion();
        editUsername = account.getUsername();
        editDisplayName = account.getDisplayName();
        editRole = account.getRole();
        editUnit = account.getUnit();
    }

    public void save() {
        boolean saved = Actions.attempt(() -> {
            Long unitId = editUnit == null ? null : editUnit.getId();
            if (editId == null) {
                AccountService.Issued issued = accounts.create(editUsername, editDisplayName, editRole, unitId);
                showIssued(issued);
                Messages.info("accounts.created", issued.account().getUsername());
            } else {
                accounts.update(editId, editVersion, editDisplayName, editRole, unitId);
                Messages.info("accounts.saved", editUsername);
            }
            Actions.hide("accountDialog");
        });
        if (!saved) {
            PrimeFaces.current().ajax().addCallbackParam("failed", true);
        }
    }

    public void disable(Account account) {
        Actions.change(() -> accounts.disable(account.getId()), "accounts.disabled", account.getUsername());
    }

    public void enable(Account account) {
        accounts.enable(account.getId());
        Messages.info("accounts.enabled", account.getUsername());
    }

    public void resetPassword(Account account) {
        showIssued(accounts.resetPassword(account.getId()));
        Messages.info("accounts.reset.done", account.getUsername());
    }

    private void showIssued(AccountService.Issued issued) {
        issuedUsername = issued.account().getUsername();
        issuedPassword = issued.temporaryPassword();
        PrimeFaces.current().executeScript("PF('issuedDialog').show()");
    }

    /** Forgets the one-time password once the administrator closed its dialog. */
    public void forgetIssued() {
        issuedUsername = null;
        issuedPassword = null;
    }

    public List<AdminUnit> completeUnit(String typed) {
        return units.searchCurrent(typed, List.of(UnitKind.PROVINCE, UnitKind.COMMUNE, UnitKind.WARD,
                UnitKind.SPECIAL_ZONE, UnitKind.HAMLET, UnitKind.VILLAGE, UnitKind.QUARTER,
                UnitKind.RESIDENTIAL_GROUP), 20);
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public boolean isEditUnitNeeded() {
        return editRole != null && editRole.needsUnit();
    }

    public boolean isCreating() {
        return editId == null;
    }

    public PagedModel<Account> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getEditUsername() {
        return editUsername;
    }

    public void setEditUsername(String editUsername) {
        this.editUsername = editUsername;
    }

    public String getEditDisplayName() {
        return editDisplayName;
    }

    public void setEditDisplayName(String editDisplayName) {
        this.editDisplayName = editDisplayName;
    }

    public Role getEditRole() {
        return editRole;
    }

    public void setEditRole(Role editRole) {
        this.editRole = editRole;
    }

    public AdminUnit getEditUnit() {
        return editUnit;
    }

    public void setEditUnit(AdminUnit editUnit) {
        this.editUnit = editUnit;
    }

    public String getIssuedUsername() {
        return issuedUsername;
    }

    public String getIssuedPassword() {
        return issuedPassword;
    }
}
