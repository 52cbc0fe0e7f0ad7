package org.jwebrtc.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HmacSha1Test {

    @Test
    void rfc2202TestCase1() {
        byte[] key = new byte[20];
        java.util.Arrays.fill(key, (byte) 0x0b);
        HmacSha1 mac = new HmacSha1(key);
        byte[] out = new byte[20];
        mac.start();
        byte[] data = "Hi There".getBytes();
        mac.update(data, 0, data.length);
        mac.finish(out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
    }

    @Property(tries = 200)
    void matchesJceMac(@ForAll @Size(max = 100) byte[] key, @ForAll @Size(max = 2000) byte[] data) throws Exception {
        Mac jce = Mac.getInstance("HmacSHA1");
        jce.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
        byte[] expected = jce.doFinal(data);
        HmacSha1 mac = new HmacSha1(key.length == 0 ? new byte[1] : key);
        byte[] out = new byte[20];
        for (int round = 0; round < 2; round++) { // reuse gives the same answer
            mac.start();
            mac.update(data, 0, data.length / 2);
            mac.update(data, data.length / 2, data.length - data.length / 2);
            mac.finish(out, 0);
            assertThat(out).isEqualTo(expected);
        }
    }
}
