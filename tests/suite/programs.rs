//! A user's own program: `samling new` copies one under a new id, `samling show --format ron`
//! prints any as its file, `samling check` holds a program to its rules; and what each
//! built-in program shows.

use crate::support::cli::samling;
use samling::store;

#[test]
fn new_copies_a_program_under_a_new_id_ready_to_edit_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "new",
        "vaart-eget",
        "--from",
        "traumebevisst",
        "--title",
        "Vårt eget program",
    ];
    let (code, out, err) = samling(dir.path(), &args);
    assert_eq!(code, Some(0), "{err}");
    let file = dir.path().join("programs/vaart-eget.ron");
    assert!(out.contains(&file.display().to_string()), "{out}");
    assert!(out.contains("samling run vaart-eget"), "{out}");
    let program = store::load_program(&file).unwrap();
    assert_eq!(program.id, "vaart-eget");
    assert_eq!(program.title, "Vårt eget program");
    let builtin = store::catalog::builtin().0.remove(0);
    assert_eq!(
        program.gatherings, builtin.gatherings,
        "the gatherings copied whole"
    );
    let (_, listed, _) = samling(dir.path(), &["programs"]);
    assert!(
        listed.contains("vaart-eget") && listed.contains("Vårt eget program"),
        "{listed}"
    );
    let (code, _, err) = samling(dir.path(), &["check", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");

    // Never over what is there: the same id again, a built-in's id, a bad id, an unknown source.
    let before = std::fs::read(&file).unwrap();
    for (args, says) in [
        (
            vec!["new", "vaart-eget", "--from", "traumebevisst"],
            "finnes allerede et program med id «vaart-eget»",
        ),
        (
            vec!["new", "traumebevisst", "--from", "vaart-eget"],
            "finnes allerede et program med id «traumebevisst»",
        ),
        (
            vec!["new", "Vårt program", "--from", "traumebevisst"],
            "kan bare ha bokstavene a–z",
        ),
        (vec!["new", "nytt", "--from", "ukjent"], "ukjent"),
    ] {
        let (code, _, err) = samling(dir.path(), &args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!dir.path().join("programs/nytt.ron").exists());
    // Nothing but the program beside it (no backup of a placeholder).
    let names: Vec<_> = std::fs::read_dir(dir.path().join("programs"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["vaart-eget.ron"]);
    // A link at the name, even one that points nowhere, is not replaced.
    #[cfg(unix)]
    {
        let link = dir.path().join("programs/lenke.ron");
        std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &link).unwrap();
        let (code, _, err) = samling(dir.path(), &["new", "lenke", "--from", "traumebevisst"]);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains("finnes fra før"), "{err}");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn show_format_ron_prints_a_program_as_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = samling(dir.path(), &["show", "traumebevisst", "--format", "ron"]);
    assert_eq!(code, Some(0), "{err}");
    let file = dir.path().join("copy.ron");
    std::fs::write(&file, &out).unwrap();
    let read = store::load_program(&file).unwrap();
    assert_eq!(read, store::catalog::builtin().0.remove(0));
}

#[test]
fn show_modules_prints_each_optional_module_with_its_questions() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = samling(dir.path(), &["show", "traumebevisst", "--modules"]);
    assert_eq!(code, Some(0), "{err}");
    let program = store::catalog::builtin().0.remove(0);
    assert!(program.modules.len() >= 14, "{}", program.modules.len());
    for m in &program.modules {
        assert!(out.contains(&m.title), "{}: {out}", m.title);
        for prompt in m.items.iter().flat_map(|i| &i.prompts) {
            assert!(out.contains(&prompt.text), "{}: {out}", prompt.text);
        }
    }
    // The facilitator's notes only when asked for.
    let note = &program.modules[0].items[0].facilitator_note;
    assert!(!note.is_empty() && !out.contains(note.as_str()));
    let (_, with_notes, _) = samling(
        dir.path(),
        &["show", "traumebevisst", "--modules", "--notes"],
    );
    assert!(with_notes.contains(note.as_str()), "{with_notes}");
}

#[test]
fn check_finds_a_gathering_that_does_not_fill_its_stated_time_and_a_module_id_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ron, _) = samling(dir.path(), &["show", "traumebevisst", "--format", "ron"]);
    let mut program: samling::model::Program = ron::from_str(&ron).unwrap();
    program.id = "endret".into();
    // Gathering 2 says it ends at 16:00; its items add up to three hours from 13:00 only if
    // nothing was changed, so one more minute makes it overrun.
    let g = &mut program.gatherings[1];
    let end = samling::model::schedule::planned_end(g.start, &g.agenda);
    g.end = Some(end);
    g.agenda[0].minutes += 1;
    let taken = program.gatherings[0].agenda[0].id.clone();
    program.modules[0].id = taken.clone();
    let file = dir.path().join("endret.ron");
    std::fs::write(&file, store::save::to_ron(&program).unwrap()).unwrap();
    let (code, out, _) = samling(dir.path(), &["check", file.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    let planned = program.gatherings[1].planned_minutes();
    assert!(
        out.contains(&format!(
            "2. samling: agendaen har {planned} minutter, men fra start til slutt er det {} minutter",
            planned - 1
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "id «{taken}» i en valgfri modul er også et agendapunkt i 1. samling"
        )),
        "{out}"
    );
    // Neither stops the program from running: in the programs folder it is listed and shown.
    std::fs::create_dir_all(dir.path().join("programs")).unwrap();
    std::fs::copy(&file, dir.path().join("programs/endret.ron")).unwrap();
    let (code, _, err) = samling(dir.path(), &["show", "endret"]);
    assert_eq!(code, Some(0), "{err}");
    // `check` takes a program's id as well as a file: the user's own, then a built-in one.
    let (code, by_id, _) = samling(dir.path(), &["check", "endret"]);
    assert_eq!(code, Some(1), "{by_id}");
    let own = dir.path().join("programs").join("endret.ron");
    assert_eq!(
        by_id.replace(&own.display().to_string(), "F"),
        out.replace(&file.display().to_string(), "F")
    );
    // By its id, whatever its file is called.
    std::fs::rename(&own, dir.path().join("programs").join("mitt-navn.ron")).unwrap();
    let (code, renamed, _) = samling(dir.path(), &["check", "endret"]);
    assert_eq!(code, Some(1), "{renamed}");
    assert!(renamed.contains("mitt-navn.ron:"), "{renamed}");
    let (code, builtin, err) = samling(dir.path(), &["check", "traumebevisst"]);
    assert_eq!(
        (code, builtin.as_str()),
        (Some(0), "sessions/traumebevisst.ron: ok\n"),
        "{err}"
    );
    let (code, _, err) = samling(dir.path(), &["check", "ingen-slik"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("1 fil sjekket, 1 problem"), "{err}");
    // Each at its line and column in the file.
    let text = std::fs::read_to_string(&file).unwrap();
    for line in out.lines().filter(|l| l.contains("samling")) {
        let mut parts = line.splitn(4, ':');
        let (_, row) = (parts.next(), parts.next().unwrap().parse::<usize>());
        assert!(
            row.is_ok_and(|r| r > 1 && r <= text.lines().count()),
            "{line}"
        );
    }
}

/// The built-in program's titles, rules and learning dimensions as its document has them
/// (copied here: a user's checkout has no source documents), and none of the phrasings that
/// were replaced.
#[test]
fn the_built_in_program_keeps_its_documents_words() {
    let p = store::catalog::builtin().0.remove(0);
    // (Its gathering titles are held by `files::the_built_in_program_has_what_the_source_document_promises`.)
    let modules: Vec<&str> = p.modules.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        modules,
        [
            "Implementering, SAMarbeid, felles utforming av avtale og forpliktelse",
            "Barnesyn - elevsyn",
            "Kultur-verdisyn",
            "Kultur-styrke",
            "LINK",
            "Lek",
            "SAMarbeid",
            "Psykoedukasjon, hjerne- mer enn h/gjerne",
            "Utdanningens mål og mening",
            "Du ser det ikke før du tror det /Tenk tanken",
            "Gode samtaler",
            "Flyktninger, kultursensitivitet",
            "Selvmord og selvskading",
            "Klassemiljø og klasseledelse",
        ]
    );
    assert_eq!(
        p.between[0].text,
        "Mellom hver samling skal alle gjennomføre minst en LINK-økt i klassene på skolen."
    );
    let goals: Vec<&str> = p.goals.iter().map(|g| g.text.as_str()).collect();
    assert!(
        goals[0].starts_with("Dels skal deltakerne få økt bevissthet")
            && goals[0].contains("kollegaer")
    );
    assert!(goals[1].starts_with("Dels skal deltakerne gis ny kunnskap"));
    assert!(goals[2].starts_with("Dels skal deltakerne gis anledning"));
    assert!(goals[3].contains("skal bidra til økt handlingskompetanse"));
    assert!(p.description.contains("(Modulene kan endres underveis.)"));
    assert!(p.description.contains("Livsmestring i norske klasserom"));
    // Every text of the program, to look for what was replaced.
    let all = store::save::to_ron(&p).unwrap();
    for gone in [
        "skala fra en til fem",
        "hvilke glipper",
        "etter et år",
        "bekrefte den nye tanken",
        "familier på flukt",
        " gjorde en forskjell",
        "Luft i rommet",
        "Hva er skolen til for, for",
        "gruppa ",
        "nødnummer 113",
        // A LINK-økt is a ready lesson, not the teacher's own try-out.
        "ting de vil prøve",
        "hva de vil prøve",
        "flyktningbakgrunn",
    ] {
        assert!(!all.contains(gone), "{gone}");
    }
    // The replacements, word for word as they were asked for.
    for asked in [
        "Tenk på en klasse du selv gikk i: Hva gjorde at du kjente deg trygg der – eller ikke?",
        "Hvilke elever får du lett kontakt med, og hvilke er vanskeligere å nå? Hva kjennetegner dem?",
        "Tenk på en gruppe der du kjente at du hørte til: Hva gjorde de andre som fikk deg til å kjenne det?",
        "Hvilken formulering om verdiene våre vil gruppen deres at vi tar vare på til siste samling?",
        "Hva vil du legge merke til hos eleven – også det som ikke passer med verken den gamle eller den nye tanken?",
        "Hva tror du skjer med denne eleven i neste time, og hva ville du gjort først?",
        "En elev forteller deg i siste time en fredag at hen tenker på å ta livet sitt. Hva gjør du de neste ti minuttene, og hvem ringer du hvis kontaktpersonen ikke er på jobb?",
        "forteller deg at hen skader seg selv",
        "Hva kan skolen være for den eleven som har det vanskeligst hos oss?",
        "utgjorde en forskjell",
        "familier med fluktbakgrunn",
        "Luft ut",
        "etter seks samlinger",
        "Sammenlign svarene",
        // The core ideas of trauma-aware care, named for the supervisor to say.
        "Hva har skjedd med deg?",
        "toleransevinduet",
    ] {
        assert!(all.contains(asked), "{asked}");
    }
    for helpline in [
        "medisinsk nødtelefon 113",
        "legevakt 116 117",
        "Mental Helses hjelpetelefon 116 123 (døgnåpen)",
        "Kirkens SOS 22 40 00 40 (døgnåpen)",
        "Alarmtelefonen for barn og unge 116 111 (vold, overgrep og omsorgssvikt)",
        "Ved akutt fare: ikke la eleven være alene, ring 113.",
    ] {
        assert!(all.contains(helpline), "{helpline}");
    }
    // Every gathering says when its plan ends, and its items fill the time to it.
    for g in &p.gatherings {
        let end = g.end.expect("an end");
        assert_eq!(
            (end - g.start).num_minutes(),
            i64::from(g.planned_minutes())
        );
    }
    // Gathering 6 comes back to gathering 1's words about our values.
    let sixth = p.gathering(6).unwrap();
    let back = sixth
        .agenda
        .iter()
        .flat_map(|i| &i.prompts)
        .filter_map(|pr| pr.revisits.as_ref())
        .any(|r| r.gathering == 1 && r.item == "plenum");
    assert!(back);
}

/// Every built-in program loads, breaks no rule `check` knows, is written back as it was read,
/// and shows (snapshotted: a change to a program's text is seen in review).
#[test]
fn every_built_in_program_checks_round_trips_and_shows() {
    let dir = tempfile::tempdir().unwrap();
    let (programs, problems) = store::catalog::builtin();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(programs.len(), store::catalog::BUILTIN.len());
    for p in &programs {
        assert!(samling::model::validate::program(p).is_empty(), "{}", p.id);
        let file = dir.path().join(format!("{}.ron", p.id));
        std::fs::write(&file, store::save::to_ron(p).unwrap()).unwrap();
        assert_eq!(&store::load_program(&file).unwrap(), p, "{}", p.id);
        let (code, out, err) = samling(dir.path(), &["check", file.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{out}{err}");
        let (code, shown, err) = samling(dir.path(), &["show", &p.id]);
        assert_eq!(code, Some(0), "{err}");
        insta::assert_snapshot!(format!("show_{}", p.id), shown);
    }
}

/// The other built-in programs keep their documents' titles and order.
#[test]
fn the_other_built_in_programs_keep_their_documents_titles() {
    let programs = store::catalog::builtin().0;
    let titles = |id: &str| -> Vec<String> {
        let p = programs.iter().find(|p| p.id == id).unwrap();
        p.gatherings.iter().map(|g| g.title.clone()).collect()
    };
    assert_eq!(
        titles("trygt-skolemiljo"),
        [
            "Introduksjon",
            "Hvem er vi?",
            "Mestring og utvikling",
            "Relasjonens betydning",
            "Inkluderende fellesskap",
            "Trygt og godt miljø",
            "Hvor skal vi?",
        ]
    );
    assert_eq!(
        titles("inkluderende-miljo"),
        [
            "Trygge og gode barnehage- og skolemiljø",
            "Regelverk",
            "Organisasjon og ledelse",
            "Forebygging, avdekking og håndtering av mobbing",
        ]
    );
    assert_eq!(
        titles("laeringsmiljoprosjektet"),
        [
            "Fremme trygge og gode barnehage- og skolemiljø, og forebygge mistrivsel og krenkelser",
            "Et trygt og godt læringsmiljø – avdekking og håndtering av mistrivsel og krenkelser",
            "Organisasjonsutvikling og ledelse",
            "Videreføring av inkludering og bygging av vedvarende positiv kultur",
        ]
    );
    assert_eq!(
        titles("olu-lesing"),
        [
            "Å vite når en tekst er for vanskelig",
            "Å ha kontroll over egen lesing",
            "Å få hjelp når lesing er vanskelig",
            "Å forstå språk og lære nye ord og begreper",
            "Motivasjon",
            "Å tenke gjennom egne forkunnskaper",
            "Å utdype egen forståelse",
            "Å organisere kunnskap",
        ]
    );
    // Their optional modules, by title (most have none: the documents give none).
    let modules = |id: &str| -> Vec<String> {
        let p = programs.iter().find(|p| p.id == id).unwrap();
        p.modules.iter().map(|m| m.title.clone()).collect()
    };
    assert_eq!(
        modules("trygt-skolemiljo"),
        ["Læringsløype: elevens beste-vurderinger"]
    );
    assert!(modules("inkluderende-miljo").is_empty());
    assert!(modules("laeringsmiljoprosjektet").is_empty());
    assert_eq!(modules("olu-lesing"), ["Intensive lesekurs"]);
    // ØLU asks in every "siden sist" which signs show that what was learnt is at work.
    let olu = programs.iter().find(|p| p.id == "olu-lesing").unwrap();
    for g in olu.gatherings.iter().skip(1) {
        let since = g
            .agenda
            .iter()
            .find(|i| i.kind == samling::model::ItemKind::SinceLast);
        let asks = since.is_some_and(|i| {
            i.prompts
                .iter()
                .any(|p| p.text.starts_with("Hvilke tegn ser vi på at kompetansen"))
        });
        assert!(asks, "gathering {}", g.number);
    }
    // Module 6 looks back at module 1: "Da — nå" has answers to show.
    let p = programs
        .iter()
        .find(|p| p.id == "trygt-skolemiljo")
        .unwrap();
    let back = p
        .gathering(7)
        .unwrap()
        .agenda
        .iter()
        .flat_map(|i| &i.prompts)
        .filter_map(|pr| pr.revisits.as_ref())
        .filter(|r| r.gathering == 2)
        .count();
    assert_eq!(back, 2);
    // Today's Education Act, not the repealed chapter 9 A as if it stood.
    let text = store::save::to_ron(p).unwrap();
    assert!(text.contains("opplæringslova kapittel 12"));
    assert!(!text.contains("§ 9 A"));
}

/// A question asked again must point at a question of an earlier gathering: one that points
/// nowhere stops the program (said at its line), one that points at a later gathering is
/// check's advice.
#[test]
fn check_finds_a_revisited_question_that_points_nowhere_or_forward() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ron, _) = samling(dir.path(), &["show", "traumebevisst", "--format", "ron"]);
    // The program written to `<id>.ron` and checked: its text, and what check said (exit 1).
    let checked = |program: &samling::model::Program| -> (String, String) {
        let file = dir.path().join(format!("{}.ron", program.id));
        let text = store::save::to_ron(program).unwrap();
        std::fs::write(&file, &text).unwrap();
        let (code, out, _) = samling(dir.path(), &["check", file.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{out}");
        (text, out)
    };
    let line_of = |text: &str, out: &str| -> usize {
        let at = out.split(':').nth(1).unwrap().parse::<usize>().unwrap();
        assert!(
            text.lines().nth(at - 1).unwrap().contains("revisits"),
            "{out}"
        );
        at
    };

    // Gathering 6's second question asked again points at an item that is not there.
    let mut program: samling::model::Program = ron::from_str(&ron).unwrap();
    program.id = "peker".into();
    let (item, prompt) = {
        let sixth = program
            .gatherings
            .iter()
            .position(|g| g.number == 6)
            .unwrap();
        let g = &mut program.gatherings[sixth];
        let item = g
            .agenda
            .iter()
            .position(|i| i.prompts.iter().filter(|p| p.revisits.is_some()).count() >= 2)
            .unwrap();
        let prompts = &mut g.agenda[item].prompts;
        let second = prompts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.revisits.is_some())
            .nth(1)
            .unwrap()
            .0;
        let r = prompts[second].revisits.as_mut().unwrap();
        r.item = "finnes-ikke".into();
        let prompt = r.prompt.clone();
        (g.agenda[item].id.clone(), prompt)
    };
    let (text, out) = checked(&program);
    assert!(
        out.contains(&format!(
            "spørsmålet det vises til (samling 1, «finnes-ikke», spørsmål «{prompt}») finnes ikke"
        )),
        "{out}"
    );
    // At the second `revisits` of the item, not its first.
    let at = line_of(&text, &out);
    let sixth = text.lines().position(|l| l.contains("number: 6")).unwrap();
    let item_line = text
        .lines()
        .enumerate()
        .skip(sixth)
        .find(|(_, l)| l.contains(&format!("id: \"{item}\"")))
        .unwrap()
        .0;
    let first = text
        .lines()
        .enumerate()
        .skip(item_line)
        .find(|(_, l)| l.contains("revisits"))
        .unwrap()
        .0;
    assert!(at > first + 1, "{out}");

    // Gathering 2 asks again a question of gathering 3: loads, but check says so.
    let mut program: samling::model::Program = ron::from_str(&ron).unwrap();
    program.id = "fremover".into();
    let third = program.gathering(3).unwrap().clone();
    let target = third.agenda.iter().find(|i| !i.prompts.is_empty()).unwrap();
    let second = program
        .gatherings
        .iter()
        .position(|g| g.number == 2)
        .unwrap();
    let asks = program.gatherings[second]
        .agenda
        .iter_mut()
        .find(|i| !i.prompts.is_empty())
        .unwrap();
    asks.prompts[0].revisits = Some(samling::model::PromptRef {
        gathering: 3,
        item: target.id.clone(),
        prompt: target.prompts[0].id.clone(),
    });
    let (text, out) = checked(&program);
    let file = dir.path().join("fremover.ron");
    assert!(
        out.contains(
            "2. samling stiller et spørsmål fra 3. samling på nytt, men 3. samling kommer etter"
        ),
        "{out}"
    );
    line_of(&text, &out);
    std::fs::create_dir_all(dir.path().join("programs")).unwrap();
    std::fs::copy(&file, dir.path().join("programs/fremover.ron")).unwrap();
    let (code, _, err) = samling(dir.path(), &["show", "fremover"]);
    assert_eq!(code, Some(0), "{err}");
}
