package vn.cadretraining.people.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import org.eclipse.persistence.config.QueryHints;
import vn.cadretraining.shared.entity.Lengths;

/** One of the 54 ethnic groups, by its official code; read-only reference data. */
@Entity
@Cacheable
@Table(name = "ethnicity")
@NamedQuery(name = Ethnicity.ALL, query = "SELECT e FROM Ethnicity e ORDER BY e.sortOrder",
        hints = @QueryHint(name = QueryHints.QUERY_RESULTS_CACHE, value = "true"))
public class Ethnicity implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every group in order; its results are kept by JPA (read by every roster and cadre page). */
    public static final String ALL = "Ethnicity.all";

    @Id
    @Column(name = "code", length = Lengths.CODE)
    private String code;

    @Column(name = "name_vi", nullable = false, length = Lengths.SHORT_NAME)
    private String nameVi;

    @Column(name = "name_en", nullable = false, length = Lengths.SHORT_NAME)
    private String nameEn;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected Ethnicity() {
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

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ethnicity other && code != null && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code == null ? 0 : code.hashCode();
    }
}
