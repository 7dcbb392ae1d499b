package vn.cadretraining.people.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.people.service.ReferenceData;
import vn.cadretraining.people.service.TitleService;
import vn.cadretraining.shared.faces.Actions;

/** The administrator's list of titles. */
@Named
@ViewScoped
public class TitlesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferenceData reference;

    @Inject
    TitleService titles;

    private List<PositionTitle> list;
    private Long editId;
    private long editVersion;
    private String code;
    private String nameVi;
    private String nameEn;
    private boolean paid;
    private int sortOrder;
    private boolean active;

    @PostConstruct
    void init() {
        list = reference.allTitles();
    }

    public void startCreate() {
        editId = null;
        code = null;
        nameVi = null;
        nameEn = null;
        paid = false;
        sortOrder = list.stream().mapToInt(PositionTitle::getSortOrder).max().orElse(0) + 10;
        active = true;
    }

    public void startEdit(PositionTitle t) {
        editId = t.getId();
        editVersion = t.getVersion();
        code = t.getCode();
        nameVi = t.getNameVi();
        nameEn = t.getNameEn();
        paid = t.isPaid();
        sortOrder = t.getSortOrder();
        active = t.isActive();
    }

    public void save() {
        Actions.inDialog("titleDialog", () -> {
            if (editId == null) {
                titles.create(code, nameVi, nameEn, paid, sortOrder);
            } else {
                titles.update(editId, editVersion, nameVi, nameEn, paid, sortOrder, active);
            }
        }, () -> list = reference.allTitles(), "titles.saved", nameVi);
    }

    public boolean isCreating() {
        return editId == null;
    }

    public List<PositionTitle> getList() {
        return list;
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

    public boolean isPaid() {
        return paid;
    }

    public void setPaid(boolean paid) {
        this.paid = paid;
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
