package vn.cadretraining.shared.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.cadretraining.testing.QrImages;

/** The QR codes we print and show read back, by a real decoder, as the address they carry. */
class QrCodesTest {

    @Test
    void aPrintedVerificationAddressDecodesBackExactly() throws Exception {
        String url = "https://boiduong.quangninh.gov.vn/verify/abcdefghijkmnpqrstuvwxyz23";
        assertEquals(url, QrImages.decode(QrCodes.png(url, 300)));
    }

    @Test
    void aCheckInAddressThatZxingsFinderMissesOnPerfectPixelsDecodesBackExactly() throws Exception {
        // one of the 24 in 5,000 random check-in addresses that the finder-pattern search does not find in the
        // generated image (NotFoundException; others end in ChecksumException); it failed CI once
        String url = "http://localhost:8080/checkin.xhtml?s=433&c=39055734.N7RL6RALC8AsGJZnePtQgA";
        assertEquals(url, QrImages.decode(QrCodes.png(url, 360)));
    }
}
