package org.jwebrtc.dtls.internal.dtls13;

import java.util.ArrayList;
import java.util.List;
import org.jwebrtc.dtls.DtlsException;

/**
 * Certificate (RFC 8446 §4.4.2): certificate_request_context and X.509 CertificateEntry list; the
 * per-entry extensions are parsed over and not kept (we send none).
 */
public record CertificateMessage(byte[] context, List<byte[]> certificates) {
    public CertificateMessage {
        context = context.clone();
        certificates = certificates.stream().map(byte[]::clone).toList();
    }

    public static CertificateMessage parse(byte[] body) throws DtlsException {
        WireReader r = new WireReader(body);
        byte[] ctx = r.vec8(0, "certificate_request_context");
        WireReader list = r.sub(r.u24("certificate_list length"), "certificate_list");
        r.expectEnd("Certificate");
        List<byte[]> certs = new ArrayList<>();
        while (list.hasRemaining()) {
            certs.add(list.vec24(1, "cert_data"));
            list.vec16(0, "CertificateEntry extensions");
        }
        return new CertificateMessage(ctx, certs);
    }

    public byte[] encode() {
        WireWriter entries = new WireWriter(1024);
        for (byte[] c : certificates) {
            entries.vec24(c).u16(0);
        }
        return new WireWriter(entries.length() + 8).vec8(context).vec24(entries.toBytes()).toBytes();
    }
}
