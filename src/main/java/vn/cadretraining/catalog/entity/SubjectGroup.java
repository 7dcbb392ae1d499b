package vn.cadretraining.catalog.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Locale;
import vn.cadretraining.shared.entity.BaseEntity;

/** A subject group (political theory, digital skills, mass mobilization skills…); a configurable list. */
@Entity
@Cacheable
@Table(name = "subject_group")
public class SubjectGroup extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "code", nullable = false, length = 30, updatable = false)
    private String code;

    @Column(name = "name_vi", nullable = false, length = 150)
    private String nameVi;

    @Column(name = "name_en", nullable = false, length = 150)
    private String nameEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected SubjectGroup() {
    }

    public SubjectGroup(String code, String nameVi, String nameEn, int sortOrder) {
        this.code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
    }

    public void describe(String newNameVi, String newNameEn, int newSortOrder, boolean newActive) {
        this.nameVi = newNameVi;
        this.nameEn = newNameEn;
        this.sortOrder = newSortOrder;
        this.active = newActive;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public String getCode() {
        return code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isActive() {
        return active;
    }
}
