package vn.cadretraining.catalog.service;

import jakarta.ejb.ApplicationException;
import java.util.List;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.text.Bundle;

/**
 * Sessions refused because their trainer or place is already taken: every clash found, so that a generated
 * batch lists them all at once. Read as a plain business refusal it names the first clash.
 */
@ApplicationException(rollback = true)
public class SessionClashException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final List<Clash> clashes;

    public SessionClashException(List<Clash> clashes) {
        super(clashes.get(0).key(), clashes.get(0).arguments(Bundle.VIETNAMESE));
        this.clashes = List.copyOf(clashes);
    }

    public List<Clash> getClashes() {
        return clashes;
    }
}
