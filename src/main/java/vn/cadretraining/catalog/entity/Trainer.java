package vn.cadretraining.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.TextFold;

/**
 * A person who teaches or leads sessions; may sign in with a TRAINER account to run their classes (the
 * account is the security feature's, linked here by id).
 */
@Entity
@Table(name = "trainer")
public class Trainer extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "full_name", nullable = false, length = Lengths.NAME)
    private String fullName;

    @Column(name = "name_folded", nullable = false, length = Lengths.NAME)
    private String nameFolded;

    @Column(name = "affiliation", length = Lengths.LONG_NAME)
    private String affiliation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "provider_id")
    private Provider provider;

    @Column(name = "phone", length = Lengths.PHONE)
    private String phone;

    @Column(name = "email", length = Lengths.EMAIL)
    private String email;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Trainer() {
    }

    public Trainer(String fullName, String affiliation, Provider provider) {
        describe(fullName, affiliation, provider, null, null, true);
    }

    public final void describe(String newName, String newAffiliation, Provider newProvider, String newPhone,
            String newEmail, boolean newActive) {
        if (newName == null || newName.isBlank()) {
            throw new BusinessException("references.error.nameRequired");
        }
        this.fullName = newName.strip();
        this.affiliation = newAffiliation;
        this.provider = newProvider;
        this.phone = newPhone;
        this.email = newEmail;
        this.active = newActive;
    }

    public void linkAccount(Long id) {
        this.accountId = id;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        nameFolded = TextFold.fold(fullName);
    }

    public String getFullName() {
        return fullName;
    }

    public String getAffiliation() {
        return affiliation;
    }

    public Provider getProvider() {
        return provider;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public Long getAccountId() {
        return accountId;
    }

    public boolean isActive() {
        return active;
    }
}
