package vn.cadretraining.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/**
 * A title held by a cadre in a unit from one day to another (open-ended while held), for a term. One person
 * may hold several at once (kiêm nhiệm). Positions are ended, never deleted: they are the record of who
 * held what, and reports count training by the titles held.
 */
@Entity
@Table(name = "position")
public class Position extends BaseEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cadre_id", nullable = false, updatable = false)
    private Cadre cadre;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "title_id", nullable = false)
    private PositionTitle title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id", nullable = false)
    private AdminUnit unit;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Size(max = Lengths.TERM)
    @Column(name = "term", length = Lengths.TERM)
    private String term;

    @Column(name = "newly_elected", nullable = false)
    private boolean newlyElected;

    /**
     * The day the holder's term began, when before this position: a title carried across a merge of units is the
     * same term (reports count training "in their term" from it). Null: the term began with this position.
     */
    @Column(name = "term_start", updatable = false)
    private LocalDate termStart;

    protected Position() {
    }

    public Position(Cadre cadre, PositionTitle title, AdminUnit unit, LocalDate startDate, String term,
            boolean newlyElected) {
        if (startDate == null) {
            throw new BusinessException("position.startDate.required");
        }
        if (!title.isActive()) {
            throw new BusinessException("position.error.titleInactive", title.getNameVi());
        }
        this.cadre = cadre;
        this.title = title;
        this.unit = unit;
        this.startDate = startDate;
        this.term = term == null || term.isBlank() ? null : term.strip();
        this.newlyElected = newlyElected;
    }

    public boolean isCurrent() {
        return endDate == null;
    }

    /** Ends the position on {@code lastDay} (the last day it was held). */
    public void end(LocalDate lastDay) {
        if (lastDay == null) {
            throw new BusinessException("position.endDate.required");
        }
        if (lastDay.isBefore(startDate)) {
            throw new BusinessException("position.error.endBeforeStart");
        }
        this.endDate = lastDay;
    }

    /**
     * The same title, continued in the unit that absorbed this one, from the merge day: this position ends the
     * day before. The holder's term goes on: the new position keeps the day it began.
     */
    public Position continueIn(AdminUnit successor, LocalDate from) {
        end(from.minusDays(1));
        Position next = new Position();
        next.cadre = cadre;
        next.title = title;
        next.unit = successor;
        next.startDate = from;
        next.termStart = getTermStart();
        next.term = term;
        next.newlyElected = newlyElected;
        return next;
    }

    public Cadre getCadre() {
        return cadre;
    }

    public PositionTitle getTitle() {
        return title;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    /** The day the holder's term in this title began: this position's start, or that of the one it continues. */
    public LocalDate getTermStart() {
        return termStart != null ? termStart : startDate;
    }

    public String getTerm() {
        return term;
    }

    public boolean isNewlyElected() {
        return newlyElected;
    }
}
