package org.safecity.registry.internal.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safecity.identity.Writes;
import org.safecity.registry.internal.Access;
import org.safecity.registry.internal.Visibility;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spreadsheet imports. All or nothing: a 400 problem lists each bad row as
 * {@code {"field":"row 12","problem":"heading must be between 0 and 359"}} (the header is row 1).
 */
@RestController
@Tag(name = "Imports", description = "Load many sites or cameras from a CSV file, all or nothing")
class ImportController {

    private static final String SITES_EXAMPLE = """
        name,kind,lat,lon,city,zone,phase,status,status_on
        Kohat Chowk,junction,33.5869,71.4429,KHT,,4,PLANNED,
        """;
    private static final String CAMERAS_EXAMPLE = """
        site_id,site_name,city,name,make,model,resolution,type,heading,field_of_view,main_stream,sub_stream,username,password,owner,partner_id,status,installed_on,lat,lon,onvif_address
        ,Kohat Chowk,KHT,Kohat Chowk ANPR 1,Dahua,ITC437-PW6M-IZ-GN,2688x1520,ANPR,90,30,rtsp://10.40.1.11:554/cam/realmonitor?channel=1&subtype=0,,admin,secret,AUTHORITY,,PLANNED,,,,
        ,Kohat Chowk,KHT,Kohat Chowk PTZ 1,Hikvision,DS-2DE7A432IW-AEB,2560x1440,PTZ,,,rtsp://10.40.1.12:554/Streaming/Channels/101,,admin,secret,AUTHORITY,,PLANNED,,,,http://10.40.1.12/onvif/device_service
        """;

    private final ImportingFiles importing;

    ImportController(ImportingFiles importing) {
        this.importing = importing;
    }

    @PostMapping(path = "/api/v1/imports/sites", consumes = "text/csv")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Import sites from CSV (columns: name,kind,lat,lon,city,zone,phase,status,status_on); dryRun only checks",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string"), examples = @ExampleObject(value = SITES_EXAMPLE))))
    Map<String, Object> sites(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return answer(importing.importSites(reader(request), dryRun, Visibility.ofCaller()));
    }

    @PostMapping(path = "/api/v1/imports/cameras", consumes = "text/csv")
    @PreAuthorize(Access.CHANGE_NETWORK)
    @Writes(Writes.Scope.JURISDICTION)
    @Operation(summary = "Import cameras from CSV; a row names its site by site_id, or by site_name with city; dryRun only checks",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string"), examples = @ExampleObject(value = CAMERAS_EXAMPLE))))
    Map<String, Object> cameras(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return answer(importing.importCameras(reader(request), dryRun, Visibility.ofCaller()));
    }

    /** Spreadsheets save UTF-8 CSV today; the servlet default of ISO-8859-1 would garble Urdu names. */
    private static java.io.Reader reader(HttpServletRequest request) throws IOException {
        String declared = request.getCharacterEncoding();
        var charset = declared == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(declared);
        return new java.io.BufferedReader(new java.io.InputStreamReader(request.getInputStream(), charset));
    }

    private static Map<String, Object> answer(ImportingFiles.Outcome outcome) {
        var body = new LinkedHashMap<String, Object>();
        body.put("imported", outcome.stored());
        if (outcome.dryRun()) {
            body.put("dryRun", true);
            body.put("valid", outcome.valid());
        }
        return body;
    }
}
