/**
 * The fuzz module ships no code: its Jazzer targets live in src/test and run on the class path (Jazzer's agent
 * instruments classes there). This descriptor keeps the reactor's rule that every module has one.
 */
module org.jwebrtc.fuzz {
}
