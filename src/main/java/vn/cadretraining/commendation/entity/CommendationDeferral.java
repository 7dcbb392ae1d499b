package vn.cadretraining.commendation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;

/**
 * A candidate for commendation set aside for a year ("not now"): kept, so that the coordinator and the province
 * do not meet the same proposal again that year; the next year's records may propose the cadre anew.
 */
@Entity
@Table(name = "commendation_deferral")
public class CommendationDeferral extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cadre_id", nullable = false, updatable = false)
    private Cadre cadre;

    @Column(name = "year_no", nullable = false, updatable = false)
    private int year;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "decided_by", length = Lengths.USERNAME, updatable = false)
    private String decidedBy;

    protected CommendationDeferral() {
    }

    public CommendationDeferral(Cadre cadre, int year, String decidedBy) {
        this.cadre = cadre;
        this.year = year;
        this.decidedAt = Instant.now();
        this.decidedBy = decidedBy;
    }

    public Cadre getCadre() {
        return cadre;
    }

    public int getYear() {
        return year;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
