package vn.cadretraining.tour.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.service.BusinessException;

/** What a study tour adds to its class: the place visited and the total cost in đồng (unknown until entered). */
@Entity
@Table(name = "study_tour")
public class StudyTour extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int DESTINATION_LENGTH = Lengths.LINE;

    /** More than any province spends on one tour (a trillion đồng): a typing slip, not a cost. */
    public static final long MAX_COST = 1_000_000_000_000L;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "class_id", nullable = false, updatable = false)
    private CourseClass courseClass;

    @Column(name = "destination", nullable = false, length = DESTINATION_LENGTH)
    private String destination;

    @Column(name = "cost_vnd")
    private Long costVnd;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = Lengths.USERNAME)
    private String updatedBy;

    protected StudyTour() {
    }

    /** The tour of a study-tour class; refuses a class of another kind. */
    public StudyTour(CourseClass courseClass) {
        if (courseClass.getCourse().getKind() != ActivityKind.STUDY_TOUR) {
            throw new BusinessException("tour.error.notTour");
        }
        this.courseClass = courseClass;
    }

    /** Sets the place visited and the cost; refuses a blank or too long place and a negative or absurd cost. */
    public void describe(String newDestination, Long newCost, String by) {
        String place = newDestination == null ? "" : newDestination.strip();
        if (place.isEmpty()) {
            throw new BusinessException("tour.error.destinationRequired");
        }
        if (place.length() > DESTINATION_LENGTH) {
            throw new BusinessException("tour.error.destinationTooLong", DESTINATION_LENGTH);
        }
        if (newCost != null && (newCost < 0 || newCost > MAX_COST)) {
            throw new BusinessException("tour.error.cost");
        }
        this.destination = place;
        this.costVnd = newCost;
        this.updatedAt = Instant.now();
        this.updatedBy = by;
    }

    public CourseClass getCourseClass() {
        return courseClass;
    }

    public String getDestination() {
        return destination;
    }

    public Long getCostVnd() {
        return costVnd;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
