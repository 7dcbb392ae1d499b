package vn.cadretraining.catalog.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Locale;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/** A subject group (political theory, digital skills, mass mobilization skills…); a configurable list. */
@Entity
@Cacheable
@Table(name = "subject_group")
public class SubjectGroup extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final String CODE_PATTERN = "[A-Z0-9_]{2,30}";

    @Column(name = "code", nullable = false, length = Lengths.CATALOG_CODE, updatable = false)
    private String code;

    @Column(name = "name_vi", nullable = false, length = Lengths.NAME)
    private String nameVi;

    @Column(name = "name_en", nullable = false, length = Lengths.NAME)
    private String nameEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    protected SubjectGroup() {
    }

    public SubjectGroup(String code, String nameVi, String nameEn, int sortOrder) {
        this.code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (this.code == null || !this.code.matches(CODE_PATTERN)) {
            throw new BusinessException("references.error.code");
        }
        describe(nameVi, nameEn, sortOrder, true);
    }

    /** Names in both languages; retired (not active) groups stay on the courses that have them. */
    public final void describe(String newNameVi, String newNameEn, int newSortOrder, boolean newActive) {
        if (newNameVi == null || newNameVi.isBlank()) {
            throw new BusinessException("references.error.nameRequired");
        }
        this.nameVi = newNameVi.strip();
        this.nameEn = newNameEn == null || newNameEn.isBlank() ? this.nameVi : newNameEn.strip();
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
