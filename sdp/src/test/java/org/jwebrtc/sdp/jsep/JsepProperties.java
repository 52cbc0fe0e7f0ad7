package org.jwebrtc.sdp.jsep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jwebrtc.sdp.Direction;
import org.jwebrtc.sdp.MediaDescription;
import org.jwebrtc.sdp.Sdp;
import org.jwebrtc.sdp.SdpException;
import org.jwebrtc.sdp.SessionDescription;

/** Offer/answer invariants over generated transceiver sets (RFC 3264 §6.1, RFC 8829 §5.3.1, RFC 8843). */
class JsepProperties {
    static final List<Codec> POOL = List.of(
            Codec.audio(111, "opus", 48000, 2).withFeedback("transport-cc"), Codec.of(0, "PCMU", 8000),
            Codec.of(96, "VP8", 90000).withFeedback("nack", "nack pli"), Codec.rtx(97, 96, 90000),
            CodecNegotiationTest.h264(102, "packetization-mode=1;profile-level-id=42e01f").withFeedback("nack"),
            Codec.rtx(103, 102, 90000),
            CodecNegotiationTest.h264(104, "packetization-mode=0;profile-level-id=42001f"),
            Codec.of(98, "VP9", 90000).withFmtp("profile-id=0"));

    record Setup(List<TransceiverSpec> transceivers, boolean data, boolean acceptData, Map<String, Direction> local,
                 List<Codec> localAudio, List<Codec> localVideo) {}

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<List<Codec>> codecs = Arbitraries.subsetOf(POOL).map(ArrayList::new).map(l -> (List<Codec>) l)
                .filter(l -> l.stream().anyMatch(c -> !c.isRtx()));
        Arbitrary<TransceiverSpec> t = Combinators.combine(Arbitraries.of(MediaKind.class),
                Arbitraries.of(Direction.class), codecs).as((k, d, c) -> new TransceiverSpec(k, "x", d, c));
        Arbitrary<List<TransceiverSpec>> ts = t.list().ofMaxSize(5).map(list -> {
            List<TransceiverSpec> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {   // unique mids
                TransceiverSpec x = list.get(i);
                out.add(new TransceiverSpec(x.kind(), "m" + i, x.direction(), x.codecs()));
            }
            return out;
        });
        Arbitrary<Map<String, Direction>> local = Arbitraries.of(Direction.class).list().ofSize(5).map(l -> {
            Map<String, Direction> m = new HashMap<>();
            for (int i = 0; i < l.size(); i++) {
                m.put("m" + i, l.get(i));
            }
            return m;
        });
        return Combinators.combine(ts, Arbitraries.of(true, false), Arbitraries.of(true, false), local, codecs, codecs)
                .as(Setup::new);
    }

    @Property(tries = 300)
    void answersObeyOfferAnswerRules(@ForAll("setups") Setup s) throws SdpException {
        SessionDescription offer = Jsep.createOffer(new OfferOptions(JsepTest.ORIGIN, JsepTest.LOCAL, s.transceivers(),
                s.data() ? Optional.of(new DataChannelSpec("data")) : Optional.empty(), true));
        assertThat(Sdp.parse(offer.write(), Sdp.Mode.STRICT)).isEqualTo(offer);
        AnswerOptions opts = new AnswerOptions(JsepTest.ORIGIN, JsepTest.LOCAL, org.jwebrtc.sdp.Setup.ACTIVE,
                Map.of(MediaKind.AUDIO, new MediaCapabilities(s.localAudio(), List.of()),
                        MediaKind.VIDEO, new MediaCapabilities(s.localVideo(), List.of())),
                s.local(), Map.of(), s.acceptData() ? Optional.of(new DataChannelSpec("d")) : Optional.empty());
        SessionDescription answer = Jsep.createAnswer(Sdp.parse(offer.write()), opts);
        assertThat(Sdp.parse(answer.write(), Sdp.Mode.STRICT)).isEqualTo(answer);

        assertThat(answer.media()).hasSameSizeAs(offer.media());
        List<String> bundled = answer.bundleGroup().map(g -> g.mids()).orElse(List.of());
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            assertThat(a.media()).isEqualTo(o.media());
            assertThat(a.mid()).isEqualTo(o.mid());
            assertThat(bundled.contains(a.mid().orElseThrow())).isEqualTo(a.port() != 0);
            if (a.port() == 0) {
                continue;
            }
            if (a.media().equals("application")) {
                assertThat(s.acceptData()).isTrue();
                continue;
            }
            // RFC 3264 §6.1: send only what the offerer receives, receive only what it sends
            Direction d = a.direction();
            assertThat(!d.sends() || o.direction().receives()).isTrue();
            assertThat(!d.receives() || o.direction().sends()).isTrue();
            assertThat(d).isEqualTo(s.local().get(a.mid().get()).answerTo(o.direction()));
            // every answered payload type was offered with the same encoding
            for (Codec c : Codec.fromMedia(a)) {
                Codec offered = Codec.fromMedia(o).stream().filter(x -> x.payloadType() == c.payloadType())
                        .findFirst().orElseThrow();
                assertThat(offered.name()).isEqualToIgnoringCase(c.name());
                assertThat(o.rtcpFeedback(c.payloadType()).size()).isGreaterThanOrEqualTo(
                        a.rtcpFeedback(c.payloadType()).size());
                c.apt().ifPresent(apt -> assertThat(a.payloadTypes()).contains(apt));
            }
        }
    }
}
