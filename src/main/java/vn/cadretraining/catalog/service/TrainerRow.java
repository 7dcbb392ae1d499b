package vn.cadretraining.catalog.service;

import java.io.Serializable;
import vn.cadretraining.catalog.entity.Trainer;

/** One line of the trainers list: the trainer and the username of the account linked to them, if any. */
public record TrainerRow(Trainer trainer, String username) implements Serializable {

    // EL 5 (Jakarta EE 10) reads properties through getters only, not record accessors

    public Long getId() {
        return trainer.getId();
    }

    public Trainer getTrainer() {
        return trainer;
    }

    public String getUsername() {
        return username;
    }
}
