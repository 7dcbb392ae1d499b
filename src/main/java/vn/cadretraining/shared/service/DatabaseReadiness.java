package vn.cadretraining.shared.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} says UP only once the migrations ran and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = database.isMigrated();
        boolean answers = migrated && database.answers();
        return HealthCheckResponse.named("database")
                .withData("migrated", migrated)
                .withData("answers", answers)
                .status(migrated && answers)
                .build();
    }
}
