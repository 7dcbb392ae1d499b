package vn.cadretraining.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.TextFold;

/**
 * A person's way in: a username, a salted Argon2id hash, one role and, for a coordinator, the unit whose
 * subtree they may see. Accounts are disabled, never deleted, so that what they did stays attributable.
 */
@Entity
@Table(name = "account")
public class Account extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int USERNAME_LENGTH = Lengths.USERNAME;
    public static final int NAME_LENGTH = Lengths.NAME;

    @NotBlank(message = "{account.username.required}")
    @Size(min = 3, max = USERNAME_LENGTH, message = "{account.username.size}")
    @Pattern(regexp = "[a-z0-9._@+-]+", message = "{account.username.pattern}")
    @Column(name = "username", nullable = false, length = USERNAME_LENGTH, updatable = false)
    private String username;

    @NotBlank(message = "{account.displayName.required}")
    @Size(max = NAME_LENGTH, message = "{account.displayName.size}")
    @Column(name = "display_name", nullable = false, length = NAME_LENGTH)
    private String displayName;

    @Column(name = "display_name_folded", nullable = false, length = NAME_LENGTH)
    private String displayNameFolded;

    @Column(name = "password_hash", nullable = false, length = Lengths.PASSWORD_HASH)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = Lengths.ENUM)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private AdminUnit unit;

    /** The cadre whose record a CADRE account opens (the people feature owns the cadre). */
    @Column(name = "cadre_id")
    private Long cadreId;

    /** Optional; notifications are e-mailed to it when an SMTP server is configured. */
    @Column(name = "email", length = Lengths.EMAIL)
    private String email;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "locale", nullable = false, length = Lengths.SHORT_ENUM)
    private String locale = "vi";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Written by the sign-in's own statement only (see AccountService.authenticate), never with the entity. */
    @Column(name = "last_sign_in_at", updatable = false)
    private Instant lastSignInAt;

    protected Account() {
    }

    public Account(String username, String displayName, Role role, AdminUnit unit) {
        this.username = normalizeUsername(username);
        this.displayName = displayName == null ? null : displayName.strip();
        this.createdAt = Instant.now();
        assign(role, unit);
    }

    /** Usernames compare without case and surrounding blanks: "NVHoi " signs in as "nvhoi". */
    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    @PrePersist
    @PreUpdate
    void fold() {
        displayNameFolded = TextFold.fold(displayName);
    }

    /** Sets role and scope together, so that a coordinator can never be left without a unit. */
    public final void assign(Role newRole, AdminUnit newUnit) {
        if (newRole == null) {
            throw new BusinessException("account.error.roleRequired");
        }
        if (newRole.needsUnit() && newUnit == null) {
            throw new BusinessException("account.error.unitRequired");
        }
        this.role = newRole;
        this.unit = newRole.needsUnit() ? newUnit : null;
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName == null ? null : newDisplayName.strip();
    }

    /** A password somebody else chose (on creation or reset): it must be changed at the next sign-in. */
    public void setTemporaryPassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
        this.passwordChangedAt = Instant.now();
    }

    /** A password the holder chose. */
    public void setOwnPassword(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
        this.passwordChangedAt = Instant.now();
    }

    /** Opens a cadre's own record to this account. */
    public void linkCadre(Long id) {
        this.cadreId = id;
    }

    public Long getCadreId() {
        return cadreId;
    }

    public String getEmail() {
        return email;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public void chooseLocale(String languageTag) {
        this.locale = languageTag;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }
}
