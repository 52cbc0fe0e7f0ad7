package org.jwebrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import org.jwebrtc.stun.RawAttribute;
import org.jwebrtc.stun.StunAttributeType;
import org.jwebrtc.stun.StunClass;
import org.jwebrtc.stun.StunMessage;
import org.jwebrtc.stun.StunMethod;
import org.jwebrtc.stun.TransactionId;
import org.jwebrtc.testsupport.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * Wire forms from RFC 8656 (§12.4 ChannelData, §18 attributes; TURN has no published test
 * vectors, so these are transcribed from the figures) and the XOR address vectors of RFC 5769
 * §2.2/§2.3, which XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS share (RFC 8656 §18.3, §18.5).
 */
class Rfc8656VectorsTest {
    static final HexFormat HEX = HexFormat.of();

    @Test
    void channelDataFigureOfSection12_4() throws Exception {
        byte[] wire = HEX.parseHex("4000000561626364650000 00".replace(" ", ""));
        ChannelData v = new ChannelData().wrap(wire, 0, wire.length);
        assertThat(v.channel()).isEqualTo(0x4000);
        assertThat(Arrays.copyOfRange(wire, v.dataOffset(), v.dataOffset() + v.dataLength())).asString().isEqualTo("abcde");
        byte[] out = new byte[12];
        assertThat(ChannelData.encode(0x4000, "abcde".getBytes(), 0, 5, out, 0, true)).isEqualTo(12); // §12.5 padding
        assertThat(out).isEqualTo(wire);
        assertThat(ChannelData.encode(0x4000, "abcde".getBytes(), 0, 5, out, 0, false)).isEqualTo(9);
    }

    @Test
    void channelNumbersOutsideTheRangeAreRejected() {
        byte[] low = HEX.parseHex("3fff0000");
        byte[] high = HEX.parseHex("50000000");
        assertThat(ChannelData.isChannelData(low, 0, 4)).isFalse(); // RFC 7983: 0x3F is not ChannelData
        assertThatThrownBy(() -> new ChannelData().wrap(high, 0, 4)).isInstanceOf(TurnException.class);
        assertThatThrownBy(() -> new ChannelData().wrap(HEX.parseHex("40000008aabb"), 0, 6))
                .isInstanceOf(TurnException.class).hasMessageContaining("exceeds");
    }

    /** XOR-MAPPED-ADDRESS of RFC 5769 §2.2 (IPv4) read as an XOR-PEER-ADDRESS value. */
    @Test
    void xorAddressIpv4FromRfc5769() throws Exception {
        byte[] msg = SharedFiles.hexFile(SharedFiles.vectors("stun", "rfc5769-2_2.hex"));
        checkXorAddress(msg, new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
    }

    /** XOR-MAPPED-ADDRESS of RFC 5769 §2.3 (IPv6: the transaction ID is part of the mask). */
    @Test
    void xorAddressIpv6FromRfc5769() throws Exception {
        byte[] msg = SharedFiles.hexFile(SharedFiles.vectors("stun", "rfc5769-2_3.hex"));
        checkXorAddress(msg, new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
    }

    private static void checkXorAddress(byte[] msg, InetSocketAddress expected) throws Exception {
        TransactionId id = TransactionId.read(msg, 8);
        int at = indexOfAttribute(msg, StunAttributeType.XOR_MAPPED_ADDRESS);
        int len = ((msg[at + 2] & 0xFF) << 8) | (msg[at + 3] & 0xFF);
        byte[] value = Arrays.copyOfRange(msg, at + 4, at + 4 + len);
        TurnAttribute peer = TurnAttribute.decode(new RawAttribute(StunAttributeType.XOR_PEER_ADDRESS, value), id);
        assertThat(peer).isEqualTo(new XorPeerAddress(expected));
        assertThat(peer.toRaw(id).value()).isEqualTo(value);
        TurnAttribute relayed = TurnAttribute.decode(new RawAttribute(StunAttributeType.XOR_RELAYED_ADDRESS, value), id);
        assertThat(relayed).isEqualTo(new XorRelayedAddress(expected));
    }

    private static int indexOfAttribute(byte[] msg, int type) {
        int p = 20;
        while (p + 4 <= msg.length) {
            int t = ((msg[p] & 0xFF) << 8) | (msg[p + 1] & 0xFF);
            int l = ((msg[p + 2] & 0xFF) << 8) | (msg[p + 3] & 0xFF);
            if (t == type) {
                return p;
            }
            p += 4 + ((l + 3) & ~3);
        }
        throw new AssertionError("attribute not found");
    }

    /** An Allocate request (§7.1) with REQUESTED-TRANSPORT UDP (§18.7) and LIFETIME 600 (§18.2), byte for byte. */
    @Test
    void allocateRequestWireForm() throws Exception {
        TransactionId id = TransactionId.ofHex("b7e7a701bc34d686fa87dfae");
        StunMessage m = StunMessage.of(StunClass.REQUEST, StunMethod.ALLOCATE, id,
                new RequestedTransport(RequestedTransport.UDP).toRaw(id), new Lifetime(600).toRaw(id),
                new DontFragment().toRaw(id), new ChannelNumber(0x4001).toRaw(id),
                new RequestedAddressFamily(RequestedAddressFamily.IPV4).toRaw(id));
        String expected = "0003" + "0024" + "2112a442" + "b7e7a701bc34d686fa87dfae"
                + "0019000411000000" + "000d000400000258" + "001a0000" + "000c000440010000" + "0017000401000000";
        assertThat(HEX.formatHex(m.toBytes())).isEqualTo(expected);
        StunMessage back = StunMessage.parse(HEX.parseHex(expected));
        assertThat(TurnAttribute.find(back, RequestedTransport.class)).contains(new RequestedTransport(17));
        assertThat(TurnAttribute.find(back, Lifetime.class)).contains(new Lifetime(600));
        assertThat(TurnAttribute.find(back, DontFragment.class)).contains(new DontFragment());
        assertThat(TurnAttribute.find(back, ChannelNumber.class)).contains(new ChannelNumber(0x4001));
        assertThat(TurnAttribute.find(back, RequestedAddressFamily.class)).contains(new RequestedAddressFamily(1));
    }

    /** A Data indication (§10.3, type 0x0017): XOR-PEER-ADDRESS then DATA, padded to 4. */
    @Test
    void dataIndicationWireForm() throws Exception {
        TransactionId id = TransactionId.ofHex("000102030405060708090a0b");
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        StunMessage m = StunMessage.of(StunClass.INDICATION, StunMethod.DATA, id,
                new XorPeerAddress(peer).toRaw(id), new Data(new byte[] {1, 2, 3}).toRaw(id));
        assertThat(HEX.formatHex(m.toBytes())).isEqualTo("0017" + "0014" + "2112a442" + "000102030405060708090a0b"
                + "00120008" + "0001a147e112a643" + "00130003" + "01020300");
    }

    @Test
    void malformedAttributeValuesAreTurnExceptions() {
        TransactionId id = TransactionId.ofHex("000102030405060708090a0b");
        int[][] bad = {{StunAttributeType.LIFETIME, 3}, {StunAttributeType.CHANNEL_NUMBER, 2},
                {StunAttributeType.XOR_PEER_ADDRESS, 7}, {StunAttributeType.REQUESTED_TRANSPORT, 1},
                {StunAttributeType.DONT_FRAGMENT, 1}, {StunAttributeType.REQUESTED_ADDRESS_FAMILY, 4}};
        for (int[] b : bad) {
            assertThatThrownBy(() -> TurnAttribute.decode(new RawAttribute(b[0], new byte[b[1]]), id))
                    .isInstanceOf(TurnException.class);
        }
        assertThatThrownBy(() -> TurnAttribute.decode(new RawAttribute(0x8022, new byte[0]), id))
                .isInstanceOf(TurnException.class).hasMessageContaining("not a TURN attribute");
    }
}
