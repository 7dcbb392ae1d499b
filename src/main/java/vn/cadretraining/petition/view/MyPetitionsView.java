package vn.cadretraining.petition.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.cadretraining.petition.entity.Petition;
import vn.cadretraining.petition.service.PetitionService;
import vn.cadretraining.shared.time.VietnamTime;

/** The petitions a cadre raised, and where each stands: read once per request. */
@Named
@RequestScoped
public class MyPetitionsView {

    @Inject
    PetitionService petitions;

    private List<Petition> list;

    public List<Petition> getList() {
        if (list == null) {
            list = petitions.mine();
        }
        return list;
    }

    public boolean isOverdue(Petition p) {
        return p.isOverdue(VietnamTime.today());
    }
}
