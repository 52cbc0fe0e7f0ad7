package org.jwebrtc.srtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Differential check of our in-place AES-GCM and AES-CTR against the JDK's implementations. */
class AesGcmProperties {

    @Property(tries = 200)
    void sealMatchesJceAndOpenRestores(@ForAll boolean aes256, @ForAll @Size(12) byte[] iv,
                                       @ForAll @Size(max = 40) byte[] aad, @ForAll @IntRange(max = 40) int aadSplit,
                                       @ForAll @Size(max = 3000) byte[] plain, @ForAll byte keySeed,
                                       @ForAll boolean wide) throws Exception {
        byte[] key = new byte[aes256 ? 32 : 16];
        Arrays.fill(key, keySeed);
        key[0] ^= 0x5a;
        Cipher jce = Cipher.getInstance("AES/GCM/NoPadding");
        jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        jce.updateAAD(aad);
        byte[] expected = jce.doFinal(plain);

        AesGcm gcm = new AesGcm(key, wide);
        byte[] buf = Arrays.copyOf(plain, plain.length + 16);
        int split = Math.min(aadSplit, aad.length);
        gcm.start(iv, 0);
        gcm.aad(aad, 0, split); // AAD in two pieces, as SRTCP supplies it
        gcm.aad(aad, split, aad.length - split);
        gcm.seal(buf, 0, plain.length);
        assertThat(buf).isEqualTo(expected);

        gcm.start(iv, 0);
        gcm.aad(aad, 0, aad.length);
        assertThat(gcm.open(buf, 0, buf.length)).isTrue();
        assertThat(Arrays.copyOf(buf, plain.length)).isEqualTo(plain);
    }

    @Property(tries = 200)
    void anyFlipFailsOpenAndLeavesTheCiphertext(@ForAll @Size(max = 100) byte[] plain, @ForAll int position,
                                                @ForAll @IntRange(min = 1, max = 255) int delta) {
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        AesGcm gcm = new AesGcm(key, false);
        byte[] buf = Arrays.copyOf(plain, plain.length + 16);
        gcm.start(iv, 0);
        gcm.seal(buf, 0, plain.length);
        buf[Math.floorMod(position, buf.length)] ^= (byte) delta;
        byte[] tampered = buf.clone();
        gcm.start(iv, 0);
        assertThat(gcm.open(buf, 0, buf.length)).isFalse();
        assertThat(buf).isEqualTo(tampered);
    }

    @Property(tries = 100)
    void counterModeMatchesJceCtr(@ForAll @Size(16) byte[] iv, @ForAll @Size(max = 5000) byte[] data) throws Exception {
        iv[12] = 0; // SRTP counters start with the low 16 bits clear; no carry out of the last 32 bits
        iv[13] = 0;
        iv[14] = 0;
        iv[15] = 0;
        byte[] key = new byte[16];
        Cipher jce = Cipher.getInstance("AES/CTR/NoPadding");
        jce.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new javax.crypto.spec.IvParameterSpec(iv));
        byte[] expected = jce.doFinal(data);
        byte[] buf = data.clone();
        new AesCounterMode(key).xorKeystream(iv, buf, 0, buf.length);
        assertThat(buf).isEqualTo(expected);
    }
}
