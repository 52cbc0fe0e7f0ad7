package org.jwebrtc.dtls.internal.dtls13;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jwebrtc.dtls.DtlsException;

/** One TLS extension (RFC 8446 §4.2): type and opaque data. */
public record Extension(int type, byte[] data) {
    public static final int SUPPORTED_GROUPS = 10;
    public static final int SIGNATURE_ALGORITHMS = 13;
    public static final int USE_SRTP = 14;
    public static final int SUPPORTED_VERSIONS = 43;
    public static final int COOKIE = 44;
    public static final int KEY_SHARE = 51;

    public Extension {
        Objects.requireNonNull(data, "data");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Extension extensions&lt;0..2^16-1&gt;; duplicates are illegal (RFC 8446 §4.2). */
    public static List<Extension> parseList(WireReader r) throws DtlsException {
        int start = r.position();
        WireReader list = r.sub(r.u16("extensions length"), "extensions");
        List<Extension> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        while (list.hasRemaining()) {
            int type = list.u16("extension type");
            if (!seen.add(type)) {
                throw new DtlsException("duplicate extension " + type, start);
            }
            out.add(new Extension(type, list.vec16(0, "extension_data")));
        }
        return List.copyOf(out);
    }

    public static void encodeList(WireWriter w, List<Extension> exts) {
        WireWriter inner = new WireWriter();
        for (Extension e : exts) {
            inner.u16(e.type).vec16(e.data);
        }
        w.vec16(inner.toBytes());
    }

    public static Optional<Extension> find(List<Extension> exts, int type) {
        return exts.stream().filter(e -> e.type == type).findFirst();
    }

    /** A list of uint16 values with a length prefix of {@code prefixBytes} (1 or 2). */
    public static List<Integer> parseU16List(byte[] data, int prefixBytes, String what) throws DtlsException {
        WireReader r = new WireReader(data);
        int n = prefixBytes == 1 ? r.u8(what) : r.u16(what);
        if (n % 2 != 0 || n == 0) {
            throw new DtlsException(what + " list length " + n + " invalid", 0);
        }
        WireReader l = r.sub(n, what);
        r.expectEnd(what);
        List<Integer> out = new ArrayList<>(n / 2);
        while (l.hasRemaining()) {
            out.add(l.u16(what));
        }
        return out;
    }

    public static byte[] u16List(List<Integer> values, int prefixBytes) {
        WireWriter w = new WireWriter();
        if (prefixBytes == 1) {
            w.u8(values.size() * 2);
        } else {
            w.u16(values.size() * 2);
        }
        for (int v : values) {
            w.u16(v);
        }
        return w.toBytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extension e && type == e.type && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }
}
