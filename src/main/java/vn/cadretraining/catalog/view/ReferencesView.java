package vn.cadretraining.catalog.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.catalog.entity.ActivityKind;
import vn.cadretraining.catalog.entity.Provider;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.catalog.entity.Venue;
import vn.cadretraining.catalog.service.ReferenceListService;
import vn.cadretraining.catalog.service.ReferenceListService.ListFilter;
import vn.cadretraining.catalog.service.ReferenceListService.TrainerDetails;
import vn.cadretraining.catalog.service.TrainerRow;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.PagedModel;

/**
 * The administrator's reference lists, one tab each: subject groups, providers, venues, trainers (and the fixed
 * activity kinds, shown for reference). Each list has a dialog to add or change an entry; entries are retired,
 * never deleted.
 */
@Named
@ViewScoped
public class ReferencesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferenceListService references;

    private List<SubjectGroup> groups;
    private List<Provider> providers;
    private PagedModel<Venue> venues;
    private PagedModel<TrainerRow> trainers;
    private String venueText;
    private String trainerText;

    private final GroupForm group = new GroupForm();
    private final ProviderForm provider = new ProviderForm();
    private final VenueForm venue = new VenueForm();
    private final TrainerForm trainer = new TrainerForm();

    @PostConstruct
    void init() {
        groups = references.subjectGroups(false);
        providers = references.providers(false);
        venues = PagedModel.ofEntities(() -> references.countVenues(new ListFilter(venueText, null)),
                page -> references.venues(new ListFilter(venueText, null), page));
        trainers = new PagedModel<>(() -> references.countTrainers(new ListFilter(trainerText, null)),
                page -> references.trainers(new ListFilter(trainerText, null), page), TrainerRow::getId);
    }

    // ---- subject groups ----

    public void newGroup() {
        group.id = null;
        group.code = null;
        group.nameVi = null;
        group.nameEn = null;
        group.sortOrder = groups.stream().mapToInt(SubjectGroup::getSortOrder).max().orElse(0) + 10;
        group.active = true;
    }

    public void editGroup(SubjectGroup g) {
        group.id = g.getId();
        group.version = g.getVersion();
        group.code = g.getCode();
        group.nameVi = g.getNameVi();
        group.nameEn = g.getNameEn();
        group.sortOrder = g.getSortOrder();
        group.active = g.isActive();
    }

    public void saveGroup() {
        Actions.inDialog("groupDialog", () -> {
            if (group.id == null) {
                references.createSubjectGroup(group.code, group.nameVi, group.nameEn, group.sortOrder);
            } else {
                references.updateSubjectGroup(group.id, group.version, group.nameVi, group.nameEn, group.sortOrder,
                        group.active);
            }
        }, () -> groups = references.subjectGroups(false), "references.saved", group.nameVi);
    }

    // ---- providers ----

    public void newProvider() {
        provider.id = null;
        provider.nameVi = null;
        provider.nameEn = null;
        provider.contact = null;
        provider.active = true;
    }

    public void editProvider(Provider p) {
        provider.id = p.getId();
        provider.version = p.getVersion();
        provider.nameVi = p.getNameVi();
        provider.nameEn = p.getNameEn();
        provider.contact = p.getContact();
        provider.active = p.isActive();
    }

    public void saveProvider() {
        Actions.inDialog("providerDialog", () -> references.saveProvider(provider.id, provider.version,
                provider.nameVi, provider.nameEn, provider.contact, provider.active),
                () -> providers = references.providers(false), "references.saved", provider.nameVi);
    }

    // ---- venues ----

    public void newVenue() {
        venue.id = null;
        venue.name = null;
        venue.address = null;
        venue.unit = null;
        venue.capacity = null;
        venue.active = true;
    }

    public void editVenue(Venue v) {
        venue.id = v.getId();
        venue.version = v.getVersion();
        venue.name = v.getName();
        venue.address = v.getAddress();
        venue.unit = v.getUnit();
        venue.capacity = v.getCapacity();
        venue.active = v.isActive();
    }

    public void saveVenue() {
        Actions.inDialog("venueDialog", () -> references.saveVenue(venue.id, venue.version, venue.name,
                venue.address, venue.unit == null ? null : venue.unit.getId(), venue.capacity, venue.active),
                "references.saved", venue.name);
    }

    // ---- trainers ----

    public void newTrainer() {
        trainer.id = null;
        trainer.fullName = null;
        trainer.affiliation = null;
        trainer.providerId = null;
        trainer.phone = null;
        trainer.email = null;
        trainer.accountUsername = null;
        trainer.active = true;
    }

    public void editTrainer(TrainerRow row) {
        trainer.id = row.getId();
        trainer.version = row.getTrainer().getVersion();
        trainer.fullName = row.getTrainer().getFullName();
        trainer.affiliation = row.getTrainer().getAffiliation();
        trainer.providerId = row.getTrainer().getProvider() == null ? null : row.getTrainer().getProvider().getId();
        trainer.phone = row.getTrainer().getPhone();
        trainer.email = row.getTrainer().getEmail();
        trainer.accountUsername = row.getUsername();
        trainer.active = row.getTrainer().isActive();
    }

    public void saveTrainer() {
        Actions.inDialog("trainerDialog", () -> references.saveTrainer(trainer.id, trainer.version,
                new TrainerDetails(trainer.fullName, trainer.affiliation, trainer.providerId, trainer.phone,
                        trainer.email, trainer.accountUsername, trainer.active)),
                "references.saved", trainer.fullName);
    }

    /** TRAINER accounts free to link, by username or name. */
    public List<String> completeAccount(String typed) {
        return references.freeTrainerAccounts(typed, trainer.id).stream().map(Account::getUsername).toList();
    }

    // ---- for the page ----

    public ActivityKind[] getKinds() {
        return ActivityKind.values();
    }

    public List<Provider> getActiveProviders() {
        return providers.stream().filter(Provider::isActive).toList();
    }

    public List<SubjectGroup> getGroups() {
        return groups;
    }

    public List<Provider> getProviders() {
        return providers;
    }

    public PagedModel<Venue> getVenues() {
        return venues;
    }

    public PagedModel<TrainerRow> getTrainers() {
        return trainers;
    }

    public String getVenueText() {
        return venueText;
    }

    public void setVenueText(String venueText) {
        this.venueText = venueText;
    }

    public String getTrainerText() {
        return trainerText;
    }

    public void setTrainerText(String trainerText) {
        this.trainerText = trainerText;
    }

    public GroupForm getGroup() {
        return group;
    }

    public ProviderForm getProvider() {
        return provider;
    }

    public VenueForm getVenue() {
        return venue;
    }

    public TrainerForm getTrainer() {
        return trainer;
    }

    // ---- the dialogs' fields ----

    /** A subject group being added (no id) or changed. */
    public static class GroupForm implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        String code;
        String nameVi;
        String nameEn;
        int sortOrder;
        boolean active = true;

        public boolean isCreating() {
            return id == null;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getNameVi() {
            return nameVi;
        }

        public void setNameVi(String nameVi) {
            this.nameVi = nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public int getSortOrder() {
            return sortOrder;
        }

        public void setSortOrder(int sortOrder) {
            this.sortOrder = sortOrder;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    /** A provider being added (no id) or changed. */
    public static class ProviderForm implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        String nameVi;
        String nameEn;
        String contact;
        boolean active = true;

        public boolean isCreating() {
            return id == null;
        }

        public String getNameVi() {
            return nameVi;
        }

        public void setNameVi(String nameVi) {
            this.nameVi = nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    /** A venue being added (no id) or changed. */
    public static class VenueForm implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        String name;
        String address;
        AdminUnit unit;
        Integer capacity;
        boolean active = true;

        public boolean isCreating() {
            return id == null;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public AdminUnit getUnit() {
            return unit;
        }

        public void setUnit(AdminUnit unit) {
            this.unit = unit;
        }

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    /** A trainer being added (no id) or changed. */
    public static class TrainerForm implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        String fullName;
        String affiliation;
        Long providerId;
        String phone;
        String email;
        String accountUsername;
        boolean active = true;

        public boolean isCreating() {
            return id == null;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getAffiliation() {
            return affiliation;
        }

        public void setAffiliation(String affiliation) {
            this.affiliation = affiliation;
        }

        public Long getProviderId() {
            return providerId;
        }

        public void setProviderId(Long providerId) {
            this.providerId = providerId;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getAccountUsername() {
            return accountUsername;
        }

        public void setAccountUsername(String accountUsername) {
            this.accountUsername = accountUsername;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }
}
