package vn.cadretraining.tour.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.PagedModel;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.tour.service.StudyTourService;
import vn.cadretraining.tour.service.StudyTourService.TourRow;

/**
 * The year's study tours, each with its place, dates, participants and cost; a dialog sets the place and the cost
 * (typed "12.500.000"). Participants are nominated on the class's enrollment page, by title or by commendation.
 */
@Named
@ViewScoped
public class StudyToursView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudyTourService tours;

    private int year = VietnamTime.today().getYear();
    private PagedModel<TourRow> model;

    // the dialog
    private Long classId;
    private String classLabel;
    private String destination;
    private Long cost;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> tours.count(year), page -> tours.list(year, page), TourRow::classId);
    }

    public void start(TourRow row) {
        classId = row.classId();
        classLabel = row.title() + " · " + row.code();
        destination = row.destination();
        cost = row.costVnd();
    }

    public void save() {
        Actions.inDialog("tourDialog", () -> tours.describe(classId == null ? -1 : classId, destination, cost),
                "tours.saved", classLabel);
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public PagedModel<TourRow> getModel() {
        return model;
    }

    public String getClassLabel() {
        return classLabel;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public Long getCost() {
        return cost;
    }

    public void setCost(Long cost) {
        this.cost = cost;
    }
}
