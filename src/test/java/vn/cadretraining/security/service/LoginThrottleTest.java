package vn.cadretraining.security.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-26T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aFirstFailureCostsNothingThenTheDelayGrows() {
        throttle.failed("hoi", "10.0.0.1");
        assertTrue(throttle.check("hoi", "10.0.0.1").allowed());
        throttle.failed("hoi", "10.0.0.1");
        LoginThrottle.Decision second = throttle.check("hoi", "10.0.0.1");
        assertFalse(second.allowed());
        assertFalse(second.locked());
        assertEquals(1, second.waitSeconds());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.check("hoi", "10.0.0.1").allowed());
        throttle.failed("hoi", "10.0.0.1");
        assertEquals(2, throttle.check("hoi", "10.0.0.1").waitSeconds());
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("hoi", "10.0.0.1");
        assertEquals(4, throttle.check("hoi", "10.0.0.1").waitSeconds());
    }

    @Test
    void theFifthFailureLocksTheUsernameFromThatAddressForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("hoi", "10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        LoginThrottle.Decision d = throttle.check("hoi", "10.0.0.1");
        assertTrue(d.locked());
        assertEquals(15, d.waitMinutes());
        clock.advance(Duration.ofMinutes(14));
        assertTrue(throttle.check("HOI ", "10.0.0.1").locked(), "usernames compare without case and blanks");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(throttle.check("hoi", "10.0.0.1").allowed());
        assertTrue(throttle.check("lan", "10.0.0.1").allowed(), "another username is not affected");
    }

    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutElsewhere() {
        // an attacker fails "admin" again and again from A: the administrator signs in from B at once
        for (int i = 0; i < 8; i++) {
            throttle.failed("admin", "203.0.113.7");
            clock.advance(Duration.ofSeconds(20));
        }
        assertTrue(throttle.check("admin", "203.0.113.7").locked(), "the guessing address is locked");
        LoginThrottle.Decision owner = throttle.check("admin", "10.1.2.3");
        assertFalse(owner.locked(), "but not the account");
        assertTrue(owner.allowed(), "the last failure was 20 s ago, longer than any delay across addresses");
        throttle.succeeded("admin", "10.1.2.3");
        assertTrue(throttle.check("admin", "203.0.113.7").locked(), "the owner's success does not unlock the attacker");
    }

    @Test
    void guessingOneUsernameFromManyAddressesIsSlowedAFewSecondsButNeverLocked() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("hoi", "10.0.0." + i);
        }
        assertTrue(throttle.check("hoi", "192.168.1.9").allowed(), "four failures from four places: no delay yet");
        long longest = 0;
        for (int i = 4; i < 200; i++) {
            throttle.failed("hoi", "10.0." + i / 250 + "." + i % 250);
            LoginThrottle.Decision d = throttle.check("hoi", "192.168.1.9");
            assertFalse(d.locked(), "never locked, after " + (i + 1) + " failures");
            longest = Math.max(longest, d.waitSeconds());
            clock.advance(Duration.ofSeconds(d.waitSeconds()));
            assertTrue(throttle.check("hoi", "192.168.1.9").allowed(), "the wait is all it costs");
        }
        assertEquals(LoginThrottle.MAX_USERNAME_DELAY.toSeconds(), longest, "the delay is capped");
    }

    @Test
    void aBrowserThatSignedInBeforeIsNotHeldBackByGuessesFromElsewhere() {
        // strangers take every free turn at "hoi" from many addresses: the owner's own phone is never made to wait
        for (int i = 0; i < 50; i++) {
            throttle.failed("hoi", "10.0.1." + i);
        }
        assertFalse(throttle.check("hoi", "192.168.1.9").allowed(), "an unknown browser waits its turn");
        assertTrue(throttle.check("hoi", "192.168.1.9", true).allowed(), "the owner's known browser does not");
        // but a known browser is no way around the lock of its own address
        for (int i = 0; i < 5; i++) {
            throttle.failed("hoi", "192.168.1.9");
        }
        assertTrue(throttle.check("hoi", "192.168.1.9", true).locked());
    }

    @Test
    void aDeviceCookieIsSignedForItsUsernameAlone() {
        KnownDevices devices = new KnownDevices();
        assertEquals(devices.sign("hoi"), devices.sign(" HOI "), "usernames compare without case and blanks");
        assertFalse(devices.sign("hoi").equals(devices.sign("lan")));
        assertFalse(devices.sign("hoi").equals(new KnownDevices().sign("hoi")), "a key of its own at each start");
    }

    @Test
    void oneAddressTryingManyUsernamesIsLockedAtTwenty() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "10.9.9.9");
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(throttle.check("someone", "10.9.9.9").allowed());
        throttle.failed("user19", "10.9.9.9");
        assertTrue(throttle.check("someone", "10.9.9.9").locked());
        assertTrue(throttle.check("someone", "10.9.9.10").allowed(), "another address is not affected");
    }

    @Test
    void theRightPasswordClearsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("hoi", "10.0.0.1");
            clock.advance(Duration.ofSeconds(30));
        }
        throttle.succeeded("hoi", "10.0.0.1");
        throttle.failed("hoi", "10.0.0.1");
        assertTrue(throttle.check("hoi", "10.0.0.1").allowed(), "the count started again at one");
    }

    @Test
    void failuresAreForgottenAfterTheLockPeriod() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("hoi", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("hoi", "10.0.0.1");
        assertTrue(throttle.check("hoi", "10.0.0.1").allowed(), "an old series does not add to a new one");
    }

    @Test
    void unknownAndExistingUsernamesAreTreatedAlike() {
        // the throttle never looks at accounts: whether "ghost" exists cannot change its answers
        for (int i = 0; i < 5; i++) {
            throttle.failed("ghost", "10.0.0.1");
            clock.advance(Duration.ofSeconds(20));
        }
        assertTrue(throttle.check("ghost", "10.0.0.1").locked());
    }
}
