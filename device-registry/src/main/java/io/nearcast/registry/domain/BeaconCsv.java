package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Beacon CSV: a header line naming columns (any order, any subset of {@link #COLUMNS}), then one
 * beacon per line. Values are plain (identifiers, numbers, hex); quoting is not needed and not
 * accepted. Blank lines are skipped; line numbers count every line, header included.
 */
final class BeaconCsv {

    static final Set<String> COLUMNS = Set.of("kind", "uuid", "major", "minor", "id1", "id2", "id3", "namespace", "instance",
            "identityKey", "rotationExponent", "beaconTime", "txPower", "zoneId", "lat", "lon");
    static final int MAX_LINES = 10_000;

    /** One data line: its fields, or the problem that kept them from being read. */
    record Line(int number, BeaconFields fields, InvalidField problem) {
    }

    private BeaconCsv() {
    }

    static List<Line> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidField("line 1", "the CSV is empty; expected a header such as kind,uuid,major,minor,txPower");
        }
        String[] rows = csv.split("\r?\n", -1);
        if (rows.length > MAX_LINES + 1) {
            throw new InvalidField("csv", "at most " + MAX_LINES + " beacons per import");
        }
        String[] header = rows[0].replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip();
            if (!COLUMNS.contains(header[i])) {
                throw new InvalidField("line 1", "unknown column '" + Names.printable(header[i]) + "' (known: " + String.join(", ", COLUMNS.stream().sorted().toList()) + ")");
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < rows.length; r++) {
            if (rows[r].isBlank()) {
                continue;
            }
            int number = r + 1;
            String[] cells = rows[r].split(",", -1);
            if (cells.length != header.length) {
                throw new InvalidField("line " + number, "has " + cells.length + " values, the header has " + header.length);
            }
            if (rows[r].indexOf('"') >= 0) {
                throw new InvalidField("line " + number, "quotes are not supported; values are identifiers and numbers");
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                if (!cells[c].isBlank()) {
                    row.put(header[c], cells[c].strip());
                }
            }
            try {
                lines.add(new Line(number, fields(number, row), null));
            } catch (InvalidField e) {
                lines.add(new Line(number, null, e));
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidField("line 2", "no beacons after the header");
        }
        return lines;
    }

    private static BeaconFields fields(int line, Map<String, String> row) {
        return new BeaconFields(row.get("kind"), row.get("uuid"), integer(line, row, "major"), integer(line, row, "minor"),
                row.get("id1"), integer(line, row, "id2"), integer(line, row, "id3"), row.get("namespace"), row.get("instance"),
                row.get("identityKey"), integer(line, row, "rotationExponent"), integer(line, row, "txPower"), row.get("zoneId"),
                decimal(line, row, "lat"), decimal(line, row, "lon"), longInteger(line, row, "beaconTime"));
    }

    private static Long longInteger(int line, Map<String, String> row, String column) {
        String text = row.get(column);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidField("line " + line + ": " + column, "'" + Names.printable(text) + "' is not a whole number");
        }
    }

    private static Integer integer(int line, Map<String, String> row, String column) {
        String text = row.get(column);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidField("line " + line + ": " + column, "'" + Names.printable(text) + "' is not a whole number");
        }
    }

    private static Double decimal(int line, Map<String, String> row, String column) {
        String text = row.get(column);
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidField("line " + line + ": " + column, "'" + Names.printable(text) + "' is not a number");
        }
    }
}
