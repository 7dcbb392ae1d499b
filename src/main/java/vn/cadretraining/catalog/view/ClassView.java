package vn.cadretraining.catalog.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.cadretraining.catalog.entity.ClassSession;
import vn.cadretraining.catalog.entity.Course;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.Provider;
import vn.cadretraining.catalog.entity.SessionPlan;
import vn.cadretraining.catalog.entity.Trainer;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.catalog.entity.WorkingDays;
import vn.cadretraining.catalog.service.Clash;
import vn.cadretraining.catalog.service.ClassService;
import vn.cadretraining.catalog.service.CourseService;
import vn.cadretraining.catalog.service.ReferenceListService;
import vn.cadretraining.catalog.service.SessionClashException;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.Language;

/**
 * One class: its details, its status, and its sessions (added one by one or generated, changed, cancelled); a
 * new class when no id is given (of the course given as {@code course}, if any).
 */
@Named
@ViewScoped
public class ClassView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClassService classes;

    @Inject
    CourseService courses;

    @Inject
    ReferenceListService references;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private Long id;
    private Long courseParam;
    private CourseClass cls;
    private boolean editable;
    private boolean noTrainerRecord;
    private List<ClassSession> sessions = List.of();
    private List<Provider> providers = List.of();

    // the details form
    private Course course;
    private String code;
    private String suggestedCode;
    private AdminUnit unit;
    private Long providerId;
    private List<Trainer> trainers = new ArrayList<>();
    private LocalDate startDate;
    private LocalDate endDate;
    private Integer capacity;
    private LocalDate enrollFrom;
    private LocalDate enrollUntil;
    private boolean online;
    private Venue venue;
    private List<Venue> connectionPoints = new ArrayList<>();
    private String note;

    private final SessionForm session = new SessionForm();
    private final PlanForm plan = new PlanForm();
    private final CancelForm cancelling = new CancelForm();

    /** The view action: the class in the caller's scope (404 outside it), or a new one for those who plan. */
    public void load() {
        providers = references.providers(true);
        if (id == null) {
            if (!isPlanner()) {
                throw new NotFoundException("class");
            }
            editable = true;
            noTrainerRecord = currentUser.is(Role.TRAINER) && classes.ownTrainer().isEmpty();
            if (courseParam != null) {
                course = courses.get(courseParam);
                suggestCode();
            }
            return;
        }
        cls = classes.get(id);
        editable = classes.mayChange(cls) && cls.isChangeable();
        course = cls.getCourse();
        code = cls.getCode();
        unit = cls.getUnit();
        providerId = cls.getProvider() == null ? null : cls.getProvider().getId();
        if (cls.getProvider() != null && !cls.getProvider().isActive()) {
            providers = new ArrayList<>(providers);
            providers.add(cls.getProvider());
        }
        trainers = new ArrayList<>(cls.getTrainers());
        trainers.sort(Comparator.comparing(Trainer::getFullName));
        startDate = cls.getStartDate();
        endDate = cls.getEndDate();
        capacity = cls.getCapacity();
        enrollFrom = cls.getEnrollFrom();
        enrollUntil = cls.getEnrollUntil();
        online = cls.isOnline();
        venue = cls.getVenue();
        connectionPoints = new ArrayList<>(cls.getConnectionPoints());
        connectionPoints.sort(Comparator.comparing(Venue::getName));
        note = cls.getNote();
        sessions = classes.sessions(id);
    }

    // ---- the details --------------------------------------------------------------------------------

    public String save() {
        ClassService.Details details = new ClassService.Details(code, course == null ? null : course.getId(),
                unit == null ? null : unit.getId(), providerId, trainers.stream().map(Trainer::getId).toList(),
                startDate, endDate, capacity, enrollFrom, enrollUntil, online, venue == null ? null : venue.getId(),
                connectionPoints.stream().map(Venue::getId).toList(), note);
        try {
            if (cls == null) {
                CourseClass created = classes.create(details);
                Messages.info("class.created", created.getCode());
                warnIfLong();
                Messages.keepForRedirect();
                return "/catalog/class?faces-redirect=true&id=" + created.getId();
            }
            classes.update(cls.getId(), cls.getVersion(), details);
            Messages.info("class.saved", cls.getCode());
            warnIfLong();
            load();
        } catch (SessionClashException e) {
            showClashes(e);
        } catch (BusinessException e) {
            Messages.error(e);
        }
        return null;
    }

    /** More than a batch's working days is allowed (a long course) but said, as a warning. */
    private void warnIfLong() {
        if (isLongerThanABatch()) {
            Messages.warn("class.warn.longBatch", getWorkingDays(), WorkingDays.BATCH_LIMIT);
        }
    }

    /** A new class's code follows its course and the year of its start, unless the person typed their own. */
    public void suggestCode() {
        if (cls != null || course == null) {
            return;
        }
        if (code == null || code.isBlank() || code.equals(suggestedCode)) {
            suggestedCode = classes.suggestCode(course.getId(), startDate);
            code = suggestedCode;
        }
    }

    public List<Course> completeCourse(String typed) {
        return courses.complete(typed, 20);
    }

    public List<Trainer> completeTrainer(String typed) {
        return references.completeTrainers(typed, 20);
    }

    public List<Venue> completeVenue(String typed) {
        return references.completeVenues(typed, 20);
    }

    // ---- status -------------------------------------------------------------------------------------

    public void open() {
        status(() -> classes.open(cls.getId(), cls.getVersion()), "class.opened");
    }

    public void start() {
        status(() -> classes.start(cls.getId(), cls.getVersion()), "class.started");
    }

    public void finish() {
        status(() -> classes.finish(cls.getId(), cls.getVersion()), "class.finished");
    }

    public void cancelClass() {
        status(() -> classes.cancel(cls.getId(), cls.getVersion()), "class.cancelled");
    }

    private void status(Runnable change, String doneKey) {
        Actions.change(change, this::load, doneKey, cls.getCode());
    }

    // ---- sessions -----------------------------------------------------------------------------------

    public void newSession() {
        session.id = null;
        session.date = sessions.isEmpty() ? startDate : sessions.get(sessions.size() - 1).getSessionDate();
        session.start = SessionPlan.MORNING_START;
        session.end = SessionPlan.MORNING_END;
        session.topic = null;
        session.trainerId = defaultTrainerId();
        session.venue = null;
    }

    public void editSession(ClassSession s) {
        session.id = s.getId();
        session.version = s.getVersion();
        session.date = s.getSessionDate();
        session.start = s.getStartTime();
        session.end = s.getEndTime();
        session.topic = s.getTopic();
        session.trainerId = s.getTrainer() == null ? null : s.getTrainer().getId();
        session.venue = s.getVenue();
    }

    public void saveSession() {
        if (cls == null) {
            // a session is added to a saved class: the dialog was posted on the page of a new one (a tampered request)
            Messages.error("general.error.incomplete");
            return;
        }
        ClassService.SessionDetails d = new ClassService.SessionDetails(session.date, session.start, session.end,
                session.topic, session.trainerId, session.venue == null ? null : session.venue.getId());
        try {
            if (session.id == null) {
                classes.addSession(cls.getId(), d);
                Messages.info("session.added");
            } else {
                classes.updateSession(session.id, session.version, d);
                Messages.info("session.saved");
            }
            sessions = classes.sessions(cls.getId());
            Actions.hide("sessionDialog");
        } catch (SessionClashException e) {
            showClashes(e);
        } catch (BusinessException e) {
            Messages.error(e);
        }
    }

    public void startCancel(ClassSession s) {
        cancelling.id = s.getId();
        cancelling.version = s.getVersion();
        cancelling.reason = null;
        cancelling.when = Messages.text("session.when", weekday(s.getSessionDate()),
                VietnamTime.DATE.format(s.getSessionDate()), s.getStartTime(), s.getEndTime());
    }

    public void cancelSession() {
        if (cls == null || cancelling.id == null) {
            // the dialog was posted without a session chosen from the list (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("cancelSessionDialog",
                () -> classes.cancelSession(cancelling.id, cancelling.version, cancelling.reason),
                () -> sessions = classes.sessions(cls.getId()), "session.cancelledDone");
    }

    public void newPlan() {
        plan.from = startDate;
        plan.to = endDate;
        plan.morning = true;
        plan.morningStart = SessionPlan.MORNING_START;
        plan.morningEnd = SessionPlan.MORNING_END;
        plan.afternoon = true;
        plan.afternoonStart = SessionPlan.AFTERNOON_START;
        plan.afternoonEnd = SessionPlan.AFTERNOON_END;
        plan.weekends = false;
        plan.topic = null;
        plan.trainerId = defaultTrainerId();
        plan.venue = null;
    }

    public void generate() {
        if (cls == null) {
            // a session is added to a saved class: the dialog was posted on the page of a new one (a tampered request)
            Messages.error("general.error.incomplete");
            return;
        }
        SessionPlan sessionPlan = new SessionPlan(plan.from, plan.to, plan.morning, plan.morningStart, plan.morningEnd,
                plan.afternoon, plan.afternoonStart, plan.afternoonEnd, plan.weekends);
        try {
            int added = classes.generate(cls.getId(), sessionPlan, plan.topic, plan.trainerId,
                    plan.venue == null ? null : plan.venue.getId()).size();
            Messages.info("session.generated", added);
            sessions = classes.sessions(cls.getId());
            Actions.hide("planDialog");
        } catch (SessionClashException e) {
            showClashes(e);
        } catch (BusinessException e) {
            Messages.error(e);
        }
    }

    /** The signed-in trainer when they teach the class, else its only trainer, else no one yet. */
    private Long defaultTrainerId() {
        if (currentUser.is(Role.TRAINER)) {
            long me = currentUser.get().accountId();
            Optional<Trainer> own = getClassTrainers().stream()
                    .filter(t -> t.getAccountId() != null && t.getAccountId() == me).findFirst();
            if (own.isPresent()) {
                return own.get().getId();
            }
        }
        return getClassTrainers().size() == 1 ? getClassTrainers().get(0).getId() : null;
    }

    private void showClashes(SessionClashException e) {
        Messages.error("session.error.clashHeadline", e.getClashes().size());
        for (Clash clash : e.getClashes()) {
            Messages.error(clash.key(), clash.arguments(language.getLocale()));
        }
    }

    // ---- for the page -------------------------------------------------------------------------------

    public boolean isCreating() {
        return cls == null;
    }

    public boolean isPlanner() {
        return classes.mayPlan();
    }

    public String getTitleText() {
        if (cls == null) {
            return Messages.text("class.new");
        }
        return cls.getCourse().title(language.getLocale());
    }

    public int getWorkingDays() {
        return WorkingDays.between(startDate, endDate);
    }

    public boolean isLongerThanABatch() {
        return WorkingDays.exceedBatch(startDate, endDate);
    }

    public String getBatchWarning() {
        return Messages.text("class.warn.longBatch", getWorkingDays(), WorkingDays.BATCH_LIMIT);
    }

    /** The class's trainers, by name: those a session may be led by. */
    public List<Trainer> getClassTrainers() {
        if (cls == null) {
            return List.of();
        }
        return cls.getTrainers().stream().sorted(Comparator.comparing(Trainer::getFullName)).toList();
    }

    /** Where a session without a place of its own sits: the class's venue or its connection points. */
    public String getClassPlaceText() {
        if (cls == null || cls.getPlaces().isEmpty()) {
            return Messages.text("class.place.none");
        }
        return cls.getPlaces().stream().map(Venue::getName).sorted().collect(Collectors.joining(", "));
    }

    public String weekday(LocalDate day) {
        if (day == null) {
            return "";
        }
        String key = "session.weekday." + day.getDayOfWeek().getValue();
        return Messages.text(key);
    }

    public long getActiveSessionCount() {
        return sessions.stream().filter(s -> !s.isCancelled()).count();
    }

    public CourseClass getCls() {
        return cls;
    }

    public boolean isEditable() {
        return editable;
    }

    public boolean isNoTrainerRecord() {
        return noTrainerRecord;
    }

    public List<ClassSession> getSessions() {
        return sessions;
    }

    public List<Provider> getProviders() {
        return providers;
    }

    public SessionForm getSession() {
        return session;
    }

    public PlanForm getPlan() {
        return plan;
    }

    public CancelForm getCancelling() {
        return cancelling;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getCourseParam() {
        return courseParam;
    }

    public void setCourseParam(Long courseParam) {
        this.courseParam = courseParam;
    }

    public Course getCourse() {
        return course;
    }

    public void setCourse(Course course) {
        this.course = course;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public AdminUnit getUnit() {
        return unit;
    }

    public void setUnit(AdminUnit unit) {
        this.unit = unit;
    }

    public Long getProviderId() {
        return providerId;
    }

    public void setProviderId(Long providerId) {
        this.providerId = providerId;
    }

    public List<Trainer> getTrainers() {
        return trainers;
    }

    public void setTrainers(List<Trainer> trainers) {
        this.trainers = trainers;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public LocalDate getEnrollFrom() {
        return enrollFrom;
    }

    public void setEnrollFrom(LocalDate enrollFrom) {
        this.enrollFrom = enrollFrom;
    }

    public LocalDate getEnrollUntil() {
        return enrollUntil;
    }

    public void setEnrollUntil(LocalDate enrollUntil) {
        this.enrollUntil = enrollUntil;
    }

    public boolean isOnline() {
        return online;
    }

    public void setOnline(boolean online) {
        this.online = online;
    }

    public Venue getVenue() {
        return venue;
    }

    public void setVenue(Venue venue) {
        this.venue = venue;
    }

    public List<Venue> getConnectionPoints() {
        return connectionPoints;
    }

    public void setConnectionPoints(List<Venue> connectionPoints) {
        this.connectionPoints = connectionPoints;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    // ---- the dialogs' fields ------------------------------------------------------------------------

    /** A session being added (no id) or changed. */
    public static class SessionForm implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        LocalDate date;
        LocalTime start;
        LocalTime end;
        String topic;
        Long trainerId;
        Venue venue;

        public boolean isCreating() {
            return id == null;
        }

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public LocalTime getStart() {
            return start;
        }

        public void setStart(LocalTime start) {
            this.start = start;
        }

        public LocalTime getEnd() {
            return end;
        }

        public void setEnd(LocalTime end) {
            this.end = end;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public Long getTrainerId() {
            return trainerId;
        }

        public void setTrainerId(Long trainerId) {
            this.trainerId = trainerId;
        }

        public Venue getVenue() {
            return venue;
        }

        public void setVenue(Venue venue) {
            this.venue = venue;
        }
    }

    /** "Every morning and afternoon from D1 to D2", with the hours editable. */
    public static class PlanForm implements Serializable {
        private static final long serialVersionUID = 1L;
        LocalDate from;
        LocalDate to;
        boolean morning = true;
        LocalTime morningStart;
        LocalTime morningEnd;
        boolean afternoon = true;
        LocalTime afternoonStart;
        LocalTime afternoonEnd;
        boolean weekends;
        String topic;
        Long trainerId;
        Venue venue;

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }

        public boolean isMorning() {
            return morning;
        }

        public void setMorning(boolean morning) {
            this.morning = morning;
        }

        public LocalTime getMorningStart() {
            return morningStart;
        }

        public void setMorningStart(LocalTime morningStart) {
            this.morningStart = morningStart;
        }

        public LocalTime getMorningEnd() {
            return morningEnd;
        }

        public void setMorningEnd(LocalTime morningEnd) {
            this.morningEnd = morningEnd;
        }

        public boolean isAfternoon() {
            return afternoon;
        }

        public void setAfternoon(boolean afternoon) {
            this.afternoon = afternoon;
        }

        public LocalTime getAfternoonStart() {
            return afternoonStart;
        }

        public void setAfternoonStart(LocalTime afternoonStart) {
            this.afternoonStart = afternoonStart;
        }

        public LocalTime getAfternoonEnd() {
            return afternoonEnd;
        }

        public void setAfternoonEnd(LocalTime afternoonEnd) {
            this.afternoonEnd = afternoonEnd;
        }

        public boolean isWeekends() {
            return weekends;
        }

        public void setWeekends(boolean weekends) {
            this.weekends = weekends;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public Long getTrainerId() {
            return trainerId;
        }

        public void setTrainerId(Long trainerId) {
            this.trainerId = trainerId;
        }

        public Venue getVenue() {
            return venue;
        }

        public void setVenue(Venue venue) {
            this.venue = venue;
        }
    }

    /** A session being cancelled, with the reason the cadres will read. */
    public static class CancelForm implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        String reason;
        String when;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getWhen() {
            return when;
        }
    }
}
