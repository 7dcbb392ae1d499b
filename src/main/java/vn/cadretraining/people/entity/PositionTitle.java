package vn.cadretraining.people.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.eclipse.persistence.config.QueryHints;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;

/**
 * A title held in a hamlet (Bí thư chi bộ, Trưởng thôn…). The list is configurable; a title no longer used
 * is deactivated, never deleted, because past positions still name it. {@code paid} marks the three
 * titles that carry an allowance.
 */
@Entity
@Cacheable
@Table(name = "position_title")
@NamedQuery(name = PositionTitle.ACTIVE, query = "SELECT t FROM PositionTitle t WHERE t.active = TRUE"
        + " ORDER BY t.sortOrder, t.nameVi", hints = @QueryHint(name = QueryHints.QUERY_RESULTS_CACHE, value = "true"))
public class PositionTitle extends BaseEntity {

    /**
     * The titles in use, in order; its results are kept by JPA (read by every roster, cadre and class page) and
     * dropped by JPA whenever a title is saved through it, as {@code TitleService} does.
     */
    public static final String ACTIVE = "PositionTitle.active";

    private static final long serialVersionUID = 1L;

    public static final int NAME_LENGTH = Lengths.NAME;

    @NotBlank(message = "{title.code.required}")
    @Size(max = Lengths.CATALOG_CODE)
    @Pattern(regexp = "[A-Z0-9_]+", message = "{title.code.pattern}")
    @Column(name = "code", nullable = false, length = Lengths.CATALOG_CODE, updatable = false)
    private String code;

    @NotBlank(message = "{title.name.required}")
    @Size(max = NAME_LENGTH)
    @Column(name = "name_vi", nullable = false, length = NAME_LENGTH)
    private String nameVi;

    @NotBlank(message = "{title.name.required}")
    @Size(max = NAME_LENGTH)
    @Column(name = "name_en", nullable = false, length = NAME_LENGTH)
    private String nameEn;

    @Column(name = "paid", nullable = false)
    private boolean paid;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected PositionTitle() {
    }

    public PositionTitle(String code, String nameVi, String nameEn, boolean paid, int sortOrder) {
        this.code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        this.nameVi = nameVi;
        this.nameEn = nameEn;
        this.paid = paid;
        this.sortOrder = sortOrder;
    }

    public void describe(String newNameVi, String newNameEn, boolean newPaid, int newSortOrder) {
        this.nameVi = newNameVi;
        this.nameEn = newNameEn;
        this.paid = newPaid;
        this.sortOrder = newSortOrder;
    }

    public void deactivate() {
        this.active = false;
    }

    public void activate() {
        this.active = true;
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

    public boolean isPaid() {
        return paid;
    }

    public boolean isActive() {
        return active;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
