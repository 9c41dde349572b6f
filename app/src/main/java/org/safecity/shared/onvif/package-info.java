/**
 * Speaking to ONVIF devices: SOAP 1.2 requests signed with a WS-Security UsernameToken (PasswordDigest), the
 * answers read without document types, and where a device's services (media, PTZ) are found. Used by the partners'
 * onboarding of cameras and recorders and by the video module, which steers PTZ cameras.
 */
package org.safecity.shared.onvif;
