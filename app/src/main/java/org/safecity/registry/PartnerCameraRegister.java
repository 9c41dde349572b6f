package org.safecity.registry;

/**
 * Where a premises' manager's cameras join the network, once the module that onboards them has
 * checked their streams. A caller may rely on: one camera per stream address and premises (the same
 * address again answers the camera already there, changed in nothing); credentials stored encrypted as
 * for every camera; the premises' cameras standing at one site of their own, made on the first camera.
 * Who may add to which premises is the caller's business.
 */
public interface PartnerCameraRegister {

    /**
     * The premises the cameras belong to; {@code partnerId} is its id, the partner id its cameras carry.
     */
    record Premises(long partnerId, String name, String cityCode, String zoneCode, double lat, double lon) {
    }

    /**
     * @param resolution as probed, e.g. {@code 1920x1080}
     * @param recorded whether the Authority records the stream; when false it is never pulled by the recorders
     */
    record NewCamera(String name, String mainStream, StreamCredentials credentials, String resolution, String make,
                     String model, boolean recorded) {

        @Override
        public String toString() {
            return "NewCamera[" + name + ", " + mainStream + ", " + resolution + ", recorded=" + recorded + "]";
        }
    }

    /** @param created false when the premises already had a camera at this address */
    record Enrolled(long cameraId, boolean created) {
    }

    /** @throws org.safecity.shared.Conflict when no rollout phase covers the premises' city, so it has no place in the network */
    Enrolled enrol(Premises premises, NewCamera camera);
}
