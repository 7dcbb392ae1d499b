package vn.cadretraining.attendance.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.cadretraining.attendance.service.TeachingService;
import vn.cadretraining.catalog.entity.CourseClass;

/** The classes a trainer runs now or ran lately. */
@Named
@RequestScoped
public class MyTeachingView {

    @Inject
    TeachingService teaching;

    private TeachingService.Teaching classes;

    @PostConstruct
    void init() {
        classes = teaching.myClasses(100);
    }

    public TeachingService.Teaching getClasses() {
        return classes;
    }
}
