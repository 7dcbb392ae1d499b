package vn.cadretraining.people.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.service.CadreService;
import vn.cadretraining.shared.faces.Actions;

/** A cadre's own profile: what the roster says about them, and their phone, which they may correct. */
@Named
@ViewScoped
public class MyProfileView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CadreService cadres;

    private Cadre cadre;
    private List<Position> positions = List.of();
    private String phone;

    public void load() {
        cadre = cadres.mine().orElse(null);
        if (cadre != null) {
            positions = cadres.positions(cadre.getId());
            phone = cadre.getPhone();
        }
    }

    public void savePhone() {
        Actions.change(() -> {
            cadre = cadres.changeOwnPhone(cadre.getVersion(), phone);
            phone = cadre.getPhone();
        }, "profile.phoneSaved");
    }

    public Cadre getCadre() {
        return cadre;
    }

    public List<Position> getPositions() {
        return positions;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
