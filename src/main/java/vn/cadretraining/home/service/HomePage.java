package vn.cadretraining.home.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import vn.cadretraining.enrollment.entity.EnrollmentStatus;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.security.entity.Role;

/**
 * What the home page shows, made for it by {@link HomeService#page()}: only the part of the caller's role is
 * filled, the others are null.
 */
public record HomePage(Role role, Cadre cadre, Trainer trainer, Coordinator coordinator, Reviewer reviewer,
        Admin admin) implements Serializable {

    /** A line titled by its course, in both languages. */
    public interface Titled {
        String titleVi();

        String titleEn();

        default String title(Locale locale) {
            return "en".equals(locale.getLanguage()) ? titleEn() : titleVi();
        }
    }

    /** A session as the home page lists it: when, where, of which class. */
    public record Session(long id, long classId, String classCode, String titleVi, String titleEn, LocalDate day,
            LocalTime starts, LocalTime ends, String place, boolean online, boolean onNow) implements Serializable, Titled {
        public long getId() { return id; }
        public long getClassId() { return classId; }
        public String getClassCode() { return classCode; }
        public String getTitleVi() { return titleVi; }
        public String getTitleEn() { return titleEn; }
        public LocalDate getDay() { return day; }
        public LocalTime getStarts() { return starts; }
        public LocalTime getEnds() { return ends; }
        public String getPlace() { return place; }
        public boolean isOnline() { return online; }
        public boolean isOnNow() { return onNow; }
    }

    /** A class the caller is concerned by, with where they stand in it (position: on the waitlist, from 1). */
    public record ClassLine(long classId, String classCode, String titleVi, String titleEn, LocalDate startDate,
            LocalDate endDate, EnrollmentStatus status, int position) implements Serializable, Titled {
        public long getClassId() { return classId; }
        public String getClassCode() { return classCode; }
        public String getTitleVi() { return titleVi; }
        public String getTitleEn() { return titleEn; }
        public LocalDate getStartDate() { return startDate; }
        public LocalDate getEndDate() { return endDate; }
        public EnrollmentStatus getStatus() { return status; }
        public int getPosition() { return position; }
    }

    /** A unit's pace against its year's turns target. */
    public record Pace(long unitId, String unitName, int year, double actual, Integer target, double expected,
            Standing standing, Double percent) implements Serializable {
        public long getUnitId() { return unitId; }
        public String getUnitName() { return unitName; }
        public int getYear() { return year; }
        public double getActual() { return actual; }
        public Integer getTarget() { return target; }
        public double getExpected() { return expected; }
        public Standing getStanding() { return standing; }
        public Double getPercent() { return percent; }
    }

    /** The cadre's next session (null when none is planned), classes under way, requests and certificates. */
    public record Cadre(Session next, List<ClassLine> running, List<ClassLine> waiting, long upcomingClasses,
            long certificates, long classesEver) implements Serializable {
        public Session getNext() { return next; }
        public List<ClassLine> getRunning() { return running; }
        public List<ClassLine> getWaiting() { return waiting; }
        public long getUpcomingClasses() { return upcomingClasses; }
        public long getCertificates() { return certificates; }
        public long getClassesEver() { return classesEver; }
        /** Nothing at all yet: never had a place, asked for none, holds no certificate. */
        public boolean isNothing() {
            return next == null && running.isEmpty() && waiting.isEmpty() && upcomingClasses == 0 && certificates == 0
                    && classesEver == 0;
        }
    }

    /** The trainer's sessions today, classes waiting for their results to be closed, and classes to come. */
    public record Trainer(List<Session> today, List<ClassLine> toClose, long upcomingClasses, long classesEver)
            implements Serializable {
        public List<Session> getToday() { return today; }
        public List<ClassLine> getToClose() { return toClose; }
        public long getUpcomingClasses() { return upcomingClasses; }
        public long getClassesEver() { return classesEver; }
        public boolean isNothing() {
            return today.isEmpty() && toClose.isEmpty() && upcomingClasses == 0 && classesEver == 0;
        }
    }

    /** The coordinator's requests to decide, newly elected cadres not yet trained this year, their unit's pace. */
    public record Coordinator(String unitName, long requests, long newlyElectedUntrained, Pace pace)
            implements Serializable {
        public String getUnitName() { return unitName; }
        public long getRequests() { return requests; }
        public long getNewlyElectedUntrained() { return newlyElectedUntrained; }
        public Pace getPace() { return pace; }
    }

    /** The province's pace and the communes behind theirs (the worst first, at most a few). */
    public record Reviewer(Pace pace, long behindCount, List<Pace> behind) implements Serializable {
        public Pace getPace() { return pace; }
        public long getBehindCount() { return behindCount; }
        public List<Pace> getBehind() { return behind; }
    }

    /** Accounts disabled, and accounts made lately that were never signed in to. */
    public record Admin(long disabled, long notYetUsed, long all, int newDays) implements Serializable {
        public long getDisabled() { return disabled; }
        public long getNotYetUsed() { return notYetUsed; }
        public long getAll() { return all; }
        public int getNewDays() { return newDays; }
    }

    public Role getRole() { return role; }
    public Cadre getCadre() { return cadre; }
    public Trainer getTrainer() { return trainer; }
    public Coordinator getCoordinator() { return coordinator; }
    public Reviewer getReviewer() { return reviewer; }
    public Admin getAdmin() { return admin; }
}
