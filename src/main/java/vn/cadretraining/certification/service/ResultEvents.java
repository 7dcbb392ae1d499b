package vn.cadretraining.certification.service;

/**
 * What closing results tells the features that count outcomes (progress), without the results feature knowing
 * them: fired inside the closing transaction; observers that only care once it is committed observe with
 * {@code TransactionPhase.AFTER_SUCCESS}.
 */
public final class ResultEvents {

    private ResultEvents() {
    }

    /** A class's outcomes were recorded (its results closed). */
    public record Closed(long classId) {
    }
}
