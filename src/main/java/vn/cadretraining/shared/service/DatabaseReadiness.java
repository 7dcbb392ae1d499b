package vn.cadretraining.shared.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} says UP only once the migrations ran and the database answers. It asks the data source
 * itself, not the {@link Database} bean: polled while that bean is still starting, the bean's container would
 * refuse the call and the server log a stack trace at every poll.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = Database.isMigrated();
        boolean answers = migrated && Database.answers(dataSource);
        return HealthCheckResponse.named("database")
                .withData("migrated", migrated)
                .withData("answers", answers)
                .status(migrated && answers)
                .build();
    }
}
