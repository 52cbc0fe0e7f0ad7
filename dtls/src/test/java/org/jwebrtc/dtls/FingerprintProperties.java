package org.jwebrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FingerprintProperties {
    private static final String[] HASHES = {"sha-1", "sha-224", "sha-256", "sha-384", "sha-512"};
    private static final int[] LENGTHS = {20, 28, 32, 48, 64};

    @Provide
    Arbitrary<Fingerprint> fingerprints() {
        return Arbitraries.integers().between(0, HASHES.length - 1).flatMap(i ->
                Arbitraries.bytes().array(byte[].class).ofSize(LENGTHS[i])
                        .map(v -> new Fingerprint(HASHES[i], v)));
    }

    @Property
    void parseOfToSdpIsIdentity(@ForAll("fingerprints") Fingerprint f) throws DtlsException {
        assertThat(Fingerprint.parse(f.toSdp())).isEqualTo(f);
    }

    @Property
    void toSdpOfParseIsCanonicalUpperCase(@ForAll("fingerprints") Fingerprint f) throws DtlsException {
        String lower = f.toSdp().toLowerCase(java.util.Locale.ROOT).replaceFirst("^sha", "SHA");
        assertThat(Fingerprint.parse(lower).toSdp()).isEqualTo(f.toSdp());
    }

    @Property
    void anyStringGivesAFingerprintOrDtlsException(@ForAll String s) {
        try {
            Fingerprint.parse(s);
        } catch (DtlsException expected) {
            assertThat(expected.offset()).isBetween(0, s.length());
        }
    }

    @Property
    void everyTruncationIsRejected(@ForAll("fingerprints") Fingerprint f) {
        String sdp = f.toSdp();
        for (int n = 0; n < sdp.length(); n++) {
            String prefix = sdp.substring(0, n);
            assertThatThrownBy(() -> Fingerprint.parse(prefix)).isInstanceOf(DtlsException.class);
        }
    }

    @Property
    void aCharacterChangedIsRejectedOrGivesAnotherFingerprint(@ForAll("fingerprints") Fingerprint f,
                                                              @ForAll char c, @ForAll int position) {
        String sdp = f.toSdp();
        int at = Math.floorMod(position, sdp.length());
        String changed = sdp.substring(0, at) + c + sdp.substring(at + 1);
        try {
            Fingerprint g = Fingerprint.parse(changed);
            assertThat(g.toSdp().equalsIgnoreCase(changed)).isTrue();
        } catch (DtlsException expected) {
            // fine
        }
    }

    @Example
    void nonAsciiDigitsAreRejected() {
        // regression: Character.digit accepted U+0660 ARABIC-INDIC DIGIT ZERO and fullwidth letters
        String sdp = DtlsCertificate.generate().fingerprint().toSdp();
        assertThatThrownBy(() -> Fingerprint.parse(sdp.substring(0, 8) + '\u0660' + sdp.substring(9)))
                .isInstanceOf(DtlsException.class);
        assertThatThrownBy(() -> Fingerprint.parse(sdp.substring(0, 8) + '\uFF21' + sdp.substring(9)))
                .isInstanceOf(DtlsException.class);
    }

    @Example
    void chromiumStyleValue() throws DtlsException {
        String sdp = "sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:"
                + "58:D0:A1:2C:19:08";
        Fingerprint f = Fingerprint.parse(sdp);
        assertThat(f.hashFunction()).isEqualTo("sha-256");
        assertThat(f.value()).hasSize(32).startsWith((byte) 0x7B, (byte) 0x8B);
        assertThat(f.toSdp()).isEqualTo(sdp);
    }

    @Example
    void md5AndUnknownHashesAreRefused() {
        assertThatThrownBy(() -> Fingerprint.parse("md5 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"))
                .isInstanceOf(DtlsException.class).hasMessageContaining("unsupported");
        assertThatThrownBy(() -> Fingerprint.parse("sha-256 00:11"))
                .isInstanceOf(DtlsException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> Fingerprint.parse("sha-256")).isInstanceOf(DtlsException.class);
    }
}
