//! `proplint check` and `--fix` on files an unlucky user might have: lone CR line endings,
//! UTF-16 without a byte-order mark, symbolic and hard links, read-only files. Nothing
//! the user wrote may be lost or silently misread.

mod cli_support;

use cli_support::*;

/// A clause list whose lines end with lone CRs (classic Mac OS): read as one line, the
/// labels after the first would be invisible and `clause-sequence` would relabel the
/// later ones, which an editor (breaking lines at CR) shows as a), b), b), c).
const MAC: &str = "MOD\tGBR/3/1\rRESOLUTION 45 (Rev. Dubai, 2014)\rrecalling\ra)\tResolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\rb)\tUnited Nations General Assembly Resolution 70/125;\rc)\tsomething;\rd)\tsomething else,\rReasons:\tUpdate.\r";

#[test]
fn a_lone_cr_file_is_refused_not_relabelled() {
    let dir = work_dir(&[("mac.txt", MAC)]);
    for args in [&["check", "mac.txt"][..], &["check", "--fix", "mac.txt"]] {
        let out = proplint(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(
                "mac.txt: line 1 ends with a lone carriage return (classic Mac OS line endings)"
            ),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mac.txt")).unwrap(),
        MAC
    );
    // The same text with CRLF is read, and its clauses are in sequence.
    let crlf = MAC.replace('\r', "\r\n");
    let dir = work_dir(&[("dos.txt", &crlf)]);
    let out = proplint(&["check", "--format", "json", "dos.txt"], dir.path());
    assert!(
        !stdout(&out).contains("clause-sequence"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn utf16_without_a_bom_is_checked_and_fixed_in_place() {
    let bytes: Vec<u8> = STALE_EN.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u16.txt");
    std::fs::write(&path, &bytes).unwrap();
    let out = proplint(&["check", "--format", "json", "u16.txt"], dir.path());
    assert!(stdout(&out).contains("stale-revision"), "{}", stdout(&out));
    let out = proplint(&["check", "--fix", "u16.txt"], dir.path());
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    let written = std::fs::read(&path).unwrap();
    assert_ne!(written, bytes, "the fix was written");
    // Still UTF-16 LE without a BOM.
    assert_eq!(&written[..2], &[b'M', 0]);
    let units: Vec<u16> = written
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let text = String::from_utf16(&units).unwrap();
    assert!(text.contains("Resolution 140 (Rev. "), "{text}");
    assert!(!text.contains("Guadalajara"), "{text}");
}

#[cfg(unix)]
#[test]
fn fix_writes_through_links_and_refuses_read_only_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = work_dir(&[("real/p.txt", STALE_EN)]);
    let real = dir.path().join("real/p.txt");
    std::os::unix::fs::symlink(&real, dir.path().join("link.txt")).unwrap();
    std::fs::hard_link(&real, dir.path().join("hard.txt")).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();

    let out = proplint(&["check", "--fix", "link.txt"], dir.path());
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    let link = dir.path().join("link.txt");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let fixed = std::fs::read_to_string(&real).unwrap();
    assert_ne!(fixed, STALE_EN);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("hard.txt")).unwrap(),
        fixed
    );
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);

    let dir = work_dir(&[("ro.txt", STALE_EN)]);
    let ro = dir.path().join("ro.txt");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = proplint(&["check", "--fix", "ro.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ro.txt: the file is read-only; its fixes were not written"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), STALE_EN);
}

/// A flooded list: 10,050 clauses all labelled `a)`, each citing a stale revision. Every
/// label after the first is out of sequence; each fix used to relabel to the end of the
/// list (50 million edits, gigabytes of report). Now fixes are bounded, and a report
/// holds at most 10,000 findings per file.
#[test]
fn a_flooded_file_makes_a_bounded_report() {
    let head = "MOD\tGBR/3/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nThe World Telecommunication Development Conference (Buenos Aires, 2017),\nrecalling\n";
    let line = "a)\tResolution 140 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;\n";
    let text = format!("{head}{}Reasons:\tUpdate.\n", line.repeat(10_050));
    let dir = work_dir(&[("flood.txt", &text)]);
    let out = proplint(&["check", "--format", "json", "flood.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "warning: flood.txt: only the first 10000 of its 20099 findings are reported"
        ),
        "{}",
        stderr(&out)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 10_000);
    let edits: usize = diagnostics
        .iter()
        .flat_map(|d| d["fixes"].as_array().unwrap())
        .map(|f| f["edits"].as_array().unwrap().len())
        .sum();
    assert!(edits < 20_000, "{edits} edits");

    // A list of 1,000 glued labels (`ac)`: old a, new c), each out of sequence: each glued
    // label shares the relabelling that covers it, so the relabelling's size multiplies
    // (a million edits when a fix could relabel 1,000 labels).
    let line = "ac)\tResolution 140 (Rév.Hyderabad, 2010Dubaï, 2014);\n";
    let text = format!("{head}{}Reasons:\tUpdate.\n", line.repeat(1_000));
    let dir = work_dir(&[("glued.txt", &text)]);
    let out = proplint(&["check", "--format", "json", "glued.txt"], dir.path());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let edits: usize = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["fixes"].as_array().unwrap())
        .map(|f| f["edits"].as_array().unwrap().len())
        .sum();
    assert!(edits < 100_000, "{edits} edits");
}

/// Texts flooded in ways that made the work per citation grow with their number: one line
/// of thousands of citations (each read its whole sentence), a list of thousands of
/// numbers (each stale member carried a fix rewriting the whole list), thousands of glued
/// tags on one line with accented letters (each column counted from the line's start).
/// Time is not asserted; what each finding carries is.
#[test]
fn flooded_lines_and_lists_make_findings_of_bounded_size() {
    let head = "MOD\tGBR/3/1\nRESOLUTION 45 (Rev. Dubai, 2014)\nThe World Telecommunication Development Conference (Buenos Aires, 2017),\nrecalling\n";
    let numbers: Vec<String> = (0..3000).map(|i| (i % 300 + 1).to_string()).collect();
    let list = format!(
        "{head}Resolutions {} (Rev. Guadalajara, 2010)\nReasons:\tx\n",
        numbers.join(", ")
    );
    let line = format!(
        "{head}{}\nReasons:\tx\n",
        "la Résolution 140 (Rév. Guadalajara, 2010) et ".repeat(3000)
    );
    let dir = work_dir(&[("list.txt", &list), ("line.txt", &line)]);
    for name in ["list.txt", "line.txt"] {
        let out = proplint(&["check", "--format", "json", name], dir.path());
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
        let stale = diagnostics
            .iter()
            .filter(|d| d["code"] == "stale-revision")
            .count();
        assert!(stale >= 100, "{name}: {stale} stale citations reported");
        let widest = diagnostics
            .iter()
            .flat_map(|d| d["fixes"].as_array().unwrap())
            .flat_map(|f| f["edits"].as_array().unwrap())
            .map(|e| e["new_text"].as_str().unwrap().len())
            .max()
            .unwrap_or(0);
        assert!(widest < 200, "{name}: an edit of {widest} bytes");
        // Positions are counted in characters on a line with accents.
        if name == "line.txt" {
            let last = diagnostics
                .iter()
                .rfind(|d| d["code"] == "stale-revision")
                .unwrap();
            // One-based, in characters.
            let col = last["range"]["start"]["column"].as_u64().unwrap() as usize;
            let text_line = line.lines().nth(4).unwrap();
            let byte = text_line.rfind("Résolution 140").unwrap();
            assert_eq!(
                col,
                text_line[..byte].chars().count() + 1,
                "{}",
                last["range"]
            );
        }
    }
}

/// A file over the size cap is refused naming the file and the cap, without being read
/// whole; a device or a pipe named on the command line is refused as not a file rather
/// than read forever or walked as an empty folder.
#[test]
fn files_too_large_and_things_that_are_not_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = std::fs::File::create(dir.path().join("big.txt")).unwrap();
    // Sparse: 17 MiB declared, nothing written.
    big.set_len(17 << 20).unwrap();
    std::fs::write(dir.path().join("small.txt"), STALE_EN).unwrap();
    let out = proplint(&["check", "big.txt", "small.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("big.txt: larger than 16 MiB, the most proplint reads"),
        "{}",
        stderr(&out)
    );
    // The other file is still checked.
    assert!(stdout(&out).contains("stale-revision"), "{}", stdout(&out));
    let out = proplint(&["check", "--lang", "fr", "big.txt"], dir.path());
    assert!(
        stderr(&out).contains("big.txt\u{a0}: plus de 16 Mio"),
        "{}",
        stderr(&out)
    );

    #[cfg(unix)]
    {
        let out = proplint(&["check", "/dev/null"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("/dev/null: not a file or a folder"),
            "{}",
            stderr(&out)
        );
        let out = proplint(&["check", "--lang", "es", "/dev/null"], dir.path());
        assert!(
            stderr(&out).contains("/dev/null: no es un archivo ni una carpeta"),
            "{}",
            stderr(&out)
        );
    }
}
