package vn.cadretraining.catalog.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.util.Locale;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.TextFold;

/** Who delivers training: a political centre, the province school, an association. */
@Entity
@Cacheable
@Table(name = "provider")
public class Provider extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "name_vi", nullable = false, length = Lengths.LONG_NAME)
    private String nameVi;

    @Column(name = "name_en", nullable = false, length = Lengths.LONG_NAME)
    private String nameEn;

    @Column(name = "name_folded", nullable = false, length = Lengths.LONG_NAME)
    private String nameFolded;

    @Column(name = "contact", length = Lengths.LONG_NAME)
    private String contact;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected Provider() {
    }

    public Provider(String nameVi, String nameEn, String contact) {
        describe(nameVi, nameEn, contact, true);
    }

    public final void describe(String newNameVi, String newNameEn, String newContact, boolean newActive) {
        if (newNameVi == null || newNameVi.isBlank()) {
            throw new BusinessException("references.error.nameRequired");
        }
        this.nameVi = newNameVi.strip();
        this.nameEn = newNameEn == null || newNameEn.isBlank() ? this.nameVi : newNameEn.strip();
        this.contact = newContact;
        this.active = newActive;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        nameFolded = TextFold.fold(nameVi);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public String getContact() {
        return contact;
    }

    public boolean isActive() {
        return active;
    }
}
