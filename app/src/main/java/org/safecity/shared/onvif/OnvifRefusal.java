package org.safecity.shared.onvif;

/** Why an ONVIF device did not do what it was asked, with words a person can act on. */
public final class OnvifRefusal extends Exception {

    public enum Why {
        /** Nothing answered at the address (no route, connection refused, name unknown). */
        UNREACHABLE,
        /** The device took the connection but did not answer in time. */
        TIMED_OUT,
        WRONG_CREDENTIALS,
        /** The answer was not ONVIF's SOAP at all. */
        NOT_ONVIF,
        /** The device offers no such service (a PTZ service, a media service), or no profile that uses it. */
        NO_SUCH_SERVICE,
        /** The device answered the request with a SOAP fault other than a refused login. */
        FAULT,
        /** SafeCity does not connect to that address (asked before every request). */
        ADDRESS_NOT_ALLOWED
    }

    private final Why why;
    private final String faultCode;

    public OnvifRefusal(Why why, String message) {
        this(why, message, "");
    }

    OnvifRefusal(Why why, String message, String faultCode) {
        super(message);
        this.why = why;
        this.faultCode = faultCode;
    }

    public Why why() {
        return why;
    }

    /** The fault's codes as the device wrote them (e.g. {@code s:Sender ter:InvalidArgVal ter:NoEntity}); empty unless a FAULT. */
    public String faultCode() {
        return faultCode;
    }
}
