//! Norsk bokmål: the default language.

use std::io::ErrorKind;

use super::{KeyHelp, Strings, megabytes};
use crate::model::validate::InvalidKind;
use crate::model::{GroupLabel, ItemKind, Status, Who};
use crate::store::{FileKind, Problem, ProblemKind};

pub const NB: Strings = Strings {
    cli_about: "Led en samling i et kompetanseprogram for skolen: agenda, nedtelling, \
                refleksjonsspørsmål, notater og avtaler, lagret som RON-filer.",
    cli_usage_heading: "Bruk:",
    cli_commands_heading: "Kommandoer",
    cli_options_heading: "Valg",
    cli_arguments_heading: "Argumenter",
    cli_options_placeholder: "VALG",
    cli_command_placeholder: "KOMMANDO",
    cli_file_placeholder: "FIL",
    cli_file_or_program: "FIL | PROGRAM",
    cli_dir_placeholder: "MAPPE",
    cli_help: "Vis hjelp",
    cli_version: "Vis versjon",
    cli_dir: "Datamappe (ellers $SAMLING_DIR, ellers plattformens datamappe)",
    cli_lang: "Språk: nb (bokmål) eller en (engelsk); ellers $SAMLING_LANG",
    cli_config: "Innstillingsfil (ellers $SAMLING_CONFIG, ellers config.ron i plattformens \
                 innstillingsmappe)",
    cli_programs: "List innebygde og egne programmer",
    cli_show: "Skriv ut et program, eller agendaen for én samling med klokkeslett",
    cli_show_program: "Programmets id (se «samling programs»)",
    cli_show_gathering: "Nummeret på samlingen",
    cli_show_notes: "Ta med veilederens private notater",
    source: "Kilde",
    cli_show_modules: "Skriv ut de valgfrie modulene med spørsmål (og notater, med --notes)",
    cli_show_format: "text (for å lese) eller ron (programfilen, til å kopiere og endre)",
    cli_new: "Lag et eget program som en kopi av et annet, klart til å endres",
    cli_new_id: "Id-en til det nye programmet (a–z, sifre, - og _; blir filnavnet)",
    cli_new_from: "Programmet det kopierer (se «samling programs»)",
    cli_new_title: "Tittelen på det nye programmet (ellers den samme)",
    program_created: |path, id| {
        format!(
            "Laget {path}.\nEndre den i en teksteditor, sjekk den med «samling check {id}», og kjør den med «samling run {id}»."
        )
    },
    program_exists: |id| format!("det finnes allerede et program med id «{id}»; velg en annen"),
    cli_check: "Sjekk program- og samlingsfiler; skriver hvert problem som fil:linje:kolonne",
    cli_check_files: "Filene som skal sjekkes, eller id-en til et program (ditt eget først, ellers det innebygde)",

    col_id: "ID",
    col_title: "Tittel",
    col_gatherings: "Samlinger",
    col_source: "Kilde",
    source_builtin: "innebygd",
    gathering_heading: |n, title| format!("{n}. samling: {title}"),
    purpose: "Formål",
    goals: "Læringsmål",
    modules: "Valgfrie moduler",
    between: "Mellom samlingene",
    planned_end: "Planlagt slutt",
    prompts_heading: "Refleksjonsspørsmål",
    steps_heading: "Trinn",
    facilitator_note: "Veileders notat",
    revisits: |n| format!("også stilt på {n}. samling"),
    minutes: |m| format!("{m} min"),
    check_ok: "ok",
    check_summary: |files, problems| {
        let f = if files == 1 { "fil" } else { "filer" };
        match problems {
            0 => format!("{files} {f} sjekket, ingen problemer"),
            1 => format!("{files} {f} sjekket, 1 problem"),
            n => format!("{files} {f} sjekket, {n} problemer"),
        }
    },
    unknown_program: |id, known| {
        format!(
            "Fant ikke programmet «{id}». Kjente programmer: {}",
            known.join(", ")
        )
    },
    unknown_gathering: |n, title, count| {
        format!("«{title}» har ingen {n}. samling (den har samling 1–{count})")
    },
    no_data_dir: "Fant ingen datamappe: oppgi --dir MAPPE eller sett SAMLING_DIR",
    config_ignored: |why| format!("Innstillingene ble ikke lest ({why}); bruker standardverdier"),
    error: "feil",
    warning: "advarsel",
    usage_problem: |p| {
        use crate::cli::UsageProblem as U;
        let also = |s: &Option<String>| match s {
            Some(s) => format!("\n\n  tips: mente du «{s}»?"),
            None => String::new(),
        };
        let quoted = |all: &[String]| {
            let all: Vec<String> = all.iter().map(|a| format!("«{a}»")).collect();
            all.join(", ")
        };
        let valid = |valid: &[String]| match valid {
            [] => String::new(),
            v => format!(" (gyldige verdier: {})", v.join(", ")),
        };
        match p {
            U::Conflict { arg, with } if with == std::slice::from_ref(arg) => {
                format!("«{arg}» kan bare brukes én gang")
            }
            U::Conflict { arg, with } if with.is_empty() => {
                format!("«{arg}» kan ikke brukes sammen med de andre valgene")
            }
            U::Conflict { arg, with } => {
                format!("«{arg}» kan ikke brukes sammen med {}", quoted(with))
            }
            U::Unknown { arg, suggested } if arg.starts_with('-') => {
                format!("ukjent valg «{arg}»{}", also(suggested))
            }
            U::Unknown { arg, suggested } => format!("uventet argument «{arg}»{}", also(suggested)),
            U::UnknownCommand { name, suggested } => {
                format!("ukjent kommando «{name}»{}", also(suggested))
            }
            U::Value {
                arg,
                value,
                valid: v,
            } if value.is_empty() => {
                format!("«{arg}» trenger en verdi{}", valid(v))
            }
            U::Value {
                arg,
                value,
                valid: v,
            } => {
                format!("«{value}» er ikke en gyldig verdi for «{arg}»{}", valid(v))
            }
            U::Missing { args } => format!("dette må også oppgis: {}", quoted(args)),
            U::TooMany { value } => format!("én verdi for mye: «{value}»"),
        }
    },
    usage_more: "Se «--help» for mer.",

    home_title: "samling",
    home_programs: "Programmer",
    home_gatherings: "Samlinger",
    home_none: "(ingen)",
    held_on: |d| format!("Holdt {d}"),
    held_question: |g, d| format!("{g}. samling ble holdt {d}."),
    prepared_for: |d, t| format!("Forberedt til {d} kl. {t} – e forbereder videre, Enter starter"),
    begun_on: |d| format!("Påbegynt {d} – Enter fortsetter"),
    waiting_agreements: |n, g| match n {
        0 => format!("Ingen åpne avtaler fra {g}. samling"),
        1 => format!("1 åpen avtale fra {g}. samling tas opp i «Siden sist»"),
        n => format!("{n} åpne avtaler fra {g}. samling tas opp i «Siden sist»"),
    },

    key_help: |k| match k {
        KeyHelp::Move => "flytt i listen",
        KeyHelp::SwitchList => "bytt liste",
        KeyHelp::Open => "start eller fortsett samlingen",
        KeyHelp::Quit => "avslutt",
        KeyHelp::StartPause => "start / pause tiden",
        KeyHelp::NextItem => "neste agendapunkt",
        KeyHelp::PreviousItem => "tilbake til forrige punkt",
        KeyHelp::MoreLess => "ett minutt mer / mindre",
        KeyHelp::NextPrevPrompt => "neste / forrige spørsmål",
        KeyHelp::Projector => "projektorvisning av / på",
        KeyHelp::Theme => "fargene i dette vinduet: mørk / lys bakgrunn",
        KeyHelp::Group => "gruppe for nye notater (0 = plenum)",
        KeyHelp::Help => "vis tastene",
        KeyHelp::SaveQuit => "lagre og avslutt",
        KeyHelp::NewNote => "skriv nytt notat",
        KeyHelp::SelectNote => "velg notat eller avtale",
        KeyHelp::EditNote => "rediger valgt notat",
        KeyHelp::Highlight => "marker som høydepunkt",
        KeyHelp::ParkingLot => "til parkeringsplassen",
        KeyHelp::Private => "privat (aldri på projektor eller i referat)",
        KeyHelp::DeleteNote => "slett valgt notat (spør først)",
        KeyHelp::Undo => "angre siste sletting",
        KeyHelp::Info => "samlingen: sted, veileder, dato og tider",
        KeyHelp::Agreement => "ny avtale (hva, hvem, frist)",
        KeyHelp::Review => "siden sist: vurder avtalene",
        KeyHelp::Minutes => "skriv referatet (Markdown) ved siden av samlingsfilen",
        KeyHelp::Mirror => "da – nå: svarene fra en tidligere samling ved siden av",
        KeyHelp::FirstLast => "første / siste",
        KeyHelp::Scroll => "bla en linje",
        KeyHelp::Page => "bla en side",
        KeyHelp::Close => "lukk",
        KeyHelp::Cancel => "avbryt",
        KeyHelp::ReadMinutes => "les referatet",
        KeyHelp::HoldAgain => "hold den på nytt (en ny økt; den holdte blir som den er)",
        KeyHelp::NotesOrAgreements => "bytt mellom notatene og avtalene",
        KeyHelp::Done => "gjort",
        KeyHelp::Partly => "delvis",
        KeyHelp::NotDone => "ikke gjort",
        KeyHelp::Dropped => "droppet",
        KeyHelp::Comment => "kommentar til avtalen",
        KeyHelp::EditAgreement => "endre avtalen (tekst, hvem, frist)",
        KeyHelp::SaveClose => "lagre og lukk",
        KeyHelp::Type => "alle andre taster skriver",
        KeyHelp::NextField => "neste / forrige felt",
        KeyHelp::Yes => "ja",
        KeyHelp::No => "nei",
        KeyHelp::Dismiss => "fjern en melding",
        KeyHelp::Schedule => "tidsplan: endre agendaen",
        KeyHelp::Skip => "hopp over punktet, eller ta det inn igjen",
        KeyHelp::MoveItem => "flytt punktet opp / ned",
        KeyHelp::InsertModule => "sett inn en valgfri modul etter punktet",
        KeyHelp::NewItem => "legg til et nytt punkt etter punktet",
        KeyHelp::RemoveItem => "fjern et punkt som er satt inn i dag",
        KeyHelp::Propose => "forslag til hvordan vi rekker å slutte i tide",
        KeyHelp::Insert => "sett inn modulen",
        KeyHelp::Back => "tilbake til agendaen",
        KeyHelp::Accept => "godta forslaget",
        KeyHelp::Leave => "la agendaen være som den er",
        KeyHelp::Prepare => "forbered samlingen: dato, tider, sted og agenda",
    },
    key_short: |k| match k {
        KeyHelp::Move => "velg",
        KeyHelp::SwitchList => "bytt liste",
        KeyHelp::Open => "start",
        KeyHelp::Quit | KeyHelp::SaveQuit => "avslutt",
        KeyHelp::StartPause => "start/pause",
        KeyHelp::NextItem => "neste",
        KeyHelp::PreviousItem => "tilbake",
        KeyHelp::MoreLess => "minutt",
        KeyHelp::NextPrevPrompt => "spørsmål",
        KeyHelp::Projector => "projektor",
        KeyHelp::Theme => "farger",
        KeyHelp::Group => "gruppe",
        KeyHelp::Help => "taster",
        KeyHelp::NewNote => "notat",
        KeyHelp::SelectNote => "velg",
        KeyHelp::EditNote => "rediger",
        KeyHelp::Highlight => "høydepunkt",
        KeyHelp::ParkingLot => "parkering",
        KeyHelp::Private => "privat",
        KeyHelp::DeleteNote => "slett",
        KeyHelp::Undo => "angre",
        KeyHelp::Info => "samlingen",
        KeyHelp::Agreement => "avtale",
        KeyHelp::Review => "siden sist",
        KeyHelp::Minutes => "referat",
        KeyHelp::Mirror => "da – nå",
        KeyHelp::FirstLast => "første/siste",
        KeyHelp::Scroll => "bla",
        KeyHelp::Page => "side",
        KeyHelp::Close => "lukk",
        KeyHelp::Cancel => "avbryt",
        KeyHelp::ReadMinutes => "les",
        KeyHelp::HoldAgain => "hold på nytt",
        KeyHelp::NotesOrAgreements => "notater/avtaler",
        KeyHelp::Done => "gjort",
        KeyHelp::Partly => "delvis",
        KeyHelp::NotDone => "ikke gjort",
        KeyHelp::Dropped => "droppet",
        KeyHelp::Comment => "kommentar",
        KeyHelp::EditAgreement => "endre",
        KeyHelp::SaveClose => "lagre og lukk",
        KeyHelp::Type => "skriv",
        KeyHelp::NextField => "bytt felt",
        KeyHelp::Yes => "ja",
        KeyHelp::No => "nei",
        KeyHelp::Dismiss => "fjern",
        KeyHelp::Schedule => "tidsplan",
        KeyHelp::Skip => "hopp over",
        KeyHelp::MoveItem => "flytt",
        KeyHelp::InsertModule => "modul",
        KeyHelp::NewItem => "legg til",
        KeyHelp::RemoveItem => "fjern",
        KeyHelp::Propose => "forslag",
        KeyHelp::Insert => "sett inn",
        KeyHelp::Back => "tilbake",
        KeyHelp::Accept => "godta",
        KeyHelp::Leave => "avbryt",
        KeyHelp::Prepare => "forbered",
    },
    private_tag: "privat",
    key_space: "Mellomrom",
    unknown_lang: |v| {
        format!("SAMLING_LANG={v} er ukjent (bruk nb eller en); bruker standardspråket")
    },
    info_title: "Samlingen",
    info_place: "Sted",
    info_facilitator: "Veileder",
    agreement_title: "Ny avtale",
    edit_agreement_title: "Endre avtalen",
    agreement_text: "Hva er avtalt",
    agreement_who: "Hvem (tom = gruppen, «alle», 1–9 eller en rolle)",
    agreement_due: "Frist (tom = før neste samling, ellers 14.12.2026)",
    bad_date: "Ikke en dato: skriv f.eks. 14.12.2026, eller la feltet stå tomt",
    bad_group: "Gruppene er 1–9: skriv 1–9, «alle» eller en rolle",
    info_date: "Dato (14.01.2027 eller 2027-01-14)",
    info_start: "Start (13:00)",
    info_must_end: "Må slutte (tom = når planen slutter)",
    bad_day: "Ikke en dato: skriv f.eks. 14.01.2027 eller 2027-01-14",
    past_date: "Datoen er passert – Esc igjen lagrer den likevel",
    bad_time: "Ikke et klokkeslett: skriv f.eks. 13:00",
    bad_minutes: "Minuttene er et helt tall fra 1 til 600",
    bad_kind: "Ukjent type: skriv f.eks. plenum, øvelse, gruppearbeid, innlegg eller pause",
    new_item_title: "Nytt punkt",
    new_item_name: "Tittel",
    new_item_minutes: "Minutter (1–600)",
    new_item_kind: "Type (tom = plenum; innlegg, øvelse, gruppearbeid, pause …)",
    prepare_title: |g, title| format!("Forbered {g}. samling: {title}"),
    schedule_title: "Tidsplan",
    schedule_locked: "låst",
    schedule_all_held: "Alle punktene er holdt: ingenting å endre.",
    schedule_ends: |at| format!("slutt ca. {at}"),
    must_end: |at| format!("må slutte {at}"),
    over_target: |m| format!("{m} min for sent: f gir et forslag"),
    on_target: "Rekker det i tide.",
    modules_title: "Valgfrie moduler",
    no_modules: "Programmet har ingen valgfrie moduler.",
    module_goes_after: |after| format!("Settes inn etter «{after}»"),
    proposal_title: "Forslag: slik rekker vi det",
    proposal_on_time: "Dagen slutter i tide: ingenting å foreslå.",
    proposal_shorten: |title, from, to| format!("{title}: {from} → {to} min"),
    proposal_skip: |title, m| format!("{title}: hoppes over ({m} min)"),
    proposal_lands: |end, target| format!("Ny slutt ca. {end} (mål {target})"),
    proposal_still_over: |m, end| {
        format!("Selv med dette blir det {m} min for sent (slutt ca. {end})")
    },
    late_end: |end, m| format!("slutt ca. {end}, {m} min for sent (t f)"),
    agreements: "Avtaler",
    review_title: "Siden sist: avtalene",
    review_none: "Ingen avtaler å gå gjennom.",
    highlights: "Høydepunkter",
    parking_lot: "Parkeringsplassen",
    made_at: |g, item, group| match group {
        Some(GroupLabel::Group(n)) => format!("fra {g}. samling, {item}, gruppe {n}"),
        _ => format!("fra {g}. samling, {item}"),
    },
    comment_title: "Kommentar",
    minutes_title: |n, title, ended| {
        let unfinished = if ended { "" } else { " (ikke avsluttet)" };
        format!("Referat: {n}. samling – {title}{unfinished}")
    },
    minutes_program: "Program",
    minutes_date: "Dato",
    minutes_planned: "Plan",
    minutes_actual: "Faktisk",
    minutes_item: "Punkt",
    minutes_planned_min: "Plan (min)",
    minutes_actual_min: "Faktisk (min)",
    minutes_reflections: "Refleksjoner",
    minutes_made: "Avtaler fra denne samlingen",
    minutes_reviewed: "Avtaler fra tidligere samlinger (siden sist)",
    minutes_between: "Til neste samling",
    minutes_between_made: |n, more| {
        let made = match n {
            1 => "Avtalen fra denne samlingen (over)".to_string(),
            n => format!("De {n} avtalene fra denne samlingen (over)"),
        };
        let rest = if more {
            ", og disse fra tidligere samlinger:"
        } else {
            "."
        };
        format!("{made}{rest}")
    },
    minutes_inserted: "lagt til",
    minutes_skipped: "hoppet over",
    minutes_chart: "Minutter per punkt: plan (lys) og faktisk (mørk, rød over plan)",
    handout_no_date: "dato ikke satt",
    cli_export_agenda: "Deltakernes agenda (tider, titler og spørsmålene) i stedet for referatet",
    handout_written: |p| format!("Agendaen er skrevet til {p}"),
    calendar_due: |text| format!("Frist: {text}"),
    cli_calendar: "Kalenderen (.ics) til et program: samlingene med dato, og fristene for avtalene",
    cli_calendar_output: "Filen kalenderen skrives til (ellers skrives den ut)",
    calendar_written: |p, n| match n {
        1 => format!("Kalenderen med 1 hendelse er skrevet til {p}"),
        n => format!("Kalenderen med {n} hendelser er skrevet til {p}"),
    },
    not_your_note: "Notatet er skrevet av en annen: bare den som skrev det, kan endre det",
    notes_unplaced: |n| {
        format!(
            "{n} notater fra notattakere gjelder punkter som ikke er på agendaen lenger; de står i loggene deres"
        )
    },
    private_by_writer: "Den som skrev notatet, har gjort det privat; det kan bare de gjøre offentlig",
    marked_by_facilitator: "Veilederen har merket dette notatet; merket er veilederens",
    taking_title: |name| format!("Notater · {name}"),
    taking_follows: "følger veilederen",
    cli_theme: "Fargene på projektoren: mørk bakgrunn (dark) eller lys (light); ellers innstillingen, ellers mørk",
    cli_notes: "Notattakerens vindu: følger samlingen som ledes og skriver egne notater i sin egen logg ved siden av den",
    cli_notes_name: "Navnet notatene dine vises med (ellers brukernavnet ditt)",
    bad_writer_name: |name| {
        format!(
            "navnet «{name}» kan ikke brukes: det kan ikke være tomt eller ha /, .. eller kontrolltegn"
        )
    },
    waiting_for_facilitator: "venter på veileder",
    cli_projector: "Projektorvinduet: viser rommets visning av samlingen som ledes, og følger den (bare lesing)",
    cli_projector_target: "Programmets id eller en samlingsfil (ellers det innebygde programmet)",
    cli_projector_poll: "Se etter endringer hvert sekund i stedet for å vente på systemets varsler (nettverks- og synkroniserte mapper)",
    nothing_to_follow: |p| {
        format!("Ingen samling i «{p}» å følge ennå: start den hos veilederen først (samling run)")
    },
    html_lang: "nb",
    export_exists: |p| format!("{p} finnes fra før; bruk --force for å erstatte den"),
    file_exists: |p| format!("{p} finnes fra før og blir ikke overskrevet"),
    export_onto_session: |p| {
        format!(
            "{p} er en samlingsfil eller programfil; referatet skrives aldri over den. \
             Velg et annet navn med -o, f.eks. referat.md"
        )
    },
    export_written: |p| format!("Referatet er skrevet til {p}"),
    nothing_held: |title, g| match g {
        Some(n) => format!("Ingen {n}. samling av «{title}» er holdt ennå"),
        None => format!("Ingen samling av «{title}» er holdt ennå"),
    },
    cli_history: "List de holdte samlingene: dato, sted, antall notater og avtaler",
    history_counts: |n, a| {
        format!(
            "{n} {} · {a} {}",
            if n == 1 { "notat" } else { "notater" },
            if a == 1 { "avtale" } else { "avtaler" }
        )
    },
    in_progress_tag: " (påbegynt)",
    nothing_held_at_all: "Ingen samlinger er holdt ennå.",
    cli_export: "Skriv referatet fra en holdt samling som Markdown eller HTML",
    cli_export_session: "Samlingsfilen, eller programmets id (med --gathering)",
    cli_export_gathering: "Samlingen (med programmets id; ellers den siste som er holdt)",
    cli_export_format: "md (for Teams, OneNote, e-post) eller html (én fil, skrives ut på A4)",
    cli_export_output: "Hvor referatet skal skrives (ellers ved siden av samlingsfilen)",
    cli_export_force: "Erstatt en fil som finnes fra før",
    cli_export_private: "Ta med private notater og veilederens notater",
    no_open_agreements: "Ingen åpne avtaler.",
    status: |st| match st {
        Status::Open => "åpen",
        Status::Done => "gjort",
        Status::Partly => "delvis",
        Status::NotDone => "ikke gjort",
        Status::Dropped => "droppet",
    },
    cli_agreements: "List avtalene som ikke er gjort eller droppet, fra alle holdte samlinger",
    cli_agreements_program: "Bare dette programmet (ellers alle)",
    who: |w| match w {
        Who::Everyone => "alle".into(),
        Who::Group(n) => format!("gruppe {n}"),
        Who::Role(r) | Who::Person(r) => r.clone(),
    },
    due_next: "før neste samling",
    date_format: "%d.%m.%Y",
    help_title: "Taster",
    editor_title: |group, prompt| match prompt {
        Some(p) => format!("Notat · {group} · spørsmål {}", p + 1),
        None => format!("Notat · {group}"),
    },
    confirm_delete: "Slette notatet? j = ja, n = nei (u angrer etterpå)",
    confirm_type_in_private: "Rommet ser det du skriver her. Bytte til veiledervisningen og skrive der? j = ja, n = nei",
    confirm_quit: "Notatet lagres. Avslutte samling? j = ja, n = nei",
    confirm_replace_minutes: "Referatet finnes fra før. Erstatte det? j = ja, n = nei",
    highlight_tag: "høydepunkt",
    parking_tag: "parkering",
    help_close: "Esc eller ? lukker",
    agenda: "Agenda",
    private_note: "Veileders notat (privat)",
    notes: "Notater",
    no_notes: "Ingen notater ennå.",
    next: "Neste",
    resumes_at: |t| format!("Vi starter igjen kl. {t}"),
    resumes_now: "Vi starter igjen nå",
    starts_at: |t| format!("Vi starter kl. {t}"),
    starts_soon: "Vi starter straks",
    thanks: "Takk for i dag",
    mirror_then_big: "Da",
    more_below: " mer ▼ ",
    mirror_then_from: |g| format!("{g}. samling"),
    next_gathering: |n, title, date| match date {
        Some(d) => format!("Neste gang: {n}. samling, {d}: {title}"),
        None => format!("Neste gang: {n}. samling: {title}"),
    },
    last_item: "Siste punkt",
    group: |g| match g {
        GroupLabel::Plenary => "Plenum".into(),
        GroupLabel::Group(n) => format!("Gruppe {n}"),
    },
    notes_go_to: |g| format!("nye notater: {g}"),
    on_time: "i rute",
    ahead: |m| format!("{m} min foran"),
    behind: |m| format!("{m} min bak"),
    projected_end: |p, plan| format!("slutt ca. {p} (plan {plan})"),
    starts_in: |at, until| format!("starter {at} (om {until})"),
    not_started: |at| format!("planlagt {at}, ikke startet"),
    plan_ends: |at| format!("slutt {at} etter planen"),
    minutes_span: |m| match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} t"),
        (h, m) => format!("{h} t {m} min"),
    },
    saved_at: |t| format!("lagret {t}"),
    save_failed: |why| format!("IKKE LAGRET: {why} – prøver igjen"),
    phase_waiting: "venter – trykk mellomrom for å starte",
    phase_paused: "pause",
    phase_ended: "ferdig",
    gathering_ended: "Samlingen er avsluttet",
    resumed: "fortsatt der dere slapp",
    step: |i, n, label| format!("Trinn {i}/{n}: {label}"),
    cli_run: "Led en samling: fortsetter en påbegynt, ellers starter den neste",
    cli_run_program: "Programmets id (ellers det innebygde programmet)",
    no_terminal: "samling må kjøres i et terminalvindu (inn og ut er ikke en terminal); ingenting er endret",
    cli_run_again: "Hold en samling som er holdt, på nytt (en ny økt)",
    run_held: |g, date, program| {
        format!(
            "{g}. samling ble holdt {date}. Referatet: samling export {program} -g {g}. \
             Holde den på nytt: samling run {program} -g {g} --again"
        )
    },
    cli_plan: "Forbered en samling: dato, start, sted og sluttid, uten å starte den",
    cli_plan_gathering: "Nummeret på samlingen",
    cli_plan_date: "Datoen (14.01.2027 eller 2027-01-14)",
    cli_plan_start: "Starttid (13:00; ellers programmets)",
    cli_plan_place: "Stedet",
    cli_plan_must_end: "Når samlingen må slutte (15:45)",
    cli_plan_yes: "Sett en dato som er passert likevel",
    not_a_date: |v| format!("«{v}» er ikke en dato: skriv 14.01.2027 eller 2027-01-14"),
    not_a_time: |v| format!("«{v}» er ikke et klokkeslett: skriv f.eks. 13:00"),
    plan_past: |d| format!("{d} er passert; legg til --yes for å sette den likevel"),
    plan_held: |g, date, program| {
        format!(
            "{g}. samling er holdt ({date}) og forberedes ikke på nytt. \
             Holde den på nytt: samling run {program} -g {g} --again"
        )
    },
    plan_begun: |g, date, program| {
        format!("{g}. samling ble påbegynt {date}; fortsett den med samling run {program} -g {g}")
    },
    plan_same_date: |g, date| format!("Obs: {g}. samling er også satt til {date}"),
    planned: |g, title, when, path| format!("{g}. samling «{title}»: {when}\n{path}"),
    cli_run_gathering: "Nummeret på samlingen (ellers den neste som ikke er holdt)",
    cli_quiet: "Ingen lyd når tiden er ute eller et trinn skifter",
    all_held: |title| format!("Alle samlingene i «{title}» er holdt; velg en med --gathering"),
    rescue_found: |p| {
        format!(
            "Fant en redningskopi fra en krasj: {p} – se gjennom den; den brukes ikke av seg selv"
        )
    },
    journal_set_aside: |p| {
        format!(
            "En endringslogg med endringer som ikke kunne brukes, er lagt til side som {p} – se \
             gjennom den; den brukes ikke av seg selv"
        )
    },
    temporary_removed: |p| {
        format!("Fjernet en midlertidig kopi som en avbrutt lagring hadde latt ligge igjen: {p}")
    },
    too_large: "Ikke satt inn: økten ville blitt for stor til å kunne åpnes igjen (over 32 MB)",
    rescue_failed: "kunne ikke lagre det som var i minnet, verken ved økten eller noe annet sted",
    rescue_written: |p| format!("det som var i minnet er lagret i {p}"),
    since_last_none: |g| {
        format!("Siden sist: fant ingen holdt {g}. samling, så det er ingenting å ta med")
    },
    since_last_several: |g, n, took| {
        format!("Siden sist: {g}. samling er holdt {n} ganger; bruker den siste ({took})")
    },
    since_last_unfinished: |g, open| {
        if open {
            format!(
                "Siden sist: {g}. samling er fortsatt åpen i en annen samling; \
                 det den avtaler fra nå av, blir ikke tatt med hit"
            )
        } else {
            format!("Siden sist: {g}. samling ble ikke avsluttet; tar med det den har")
        }
    },
    since_last_unreadable: |why| {
        format!("Siden sist: kunne ikke lese {why} (filen er ikke endret)")
    },
    plan_changed: "Programmet er endret siden samlingen ble forberedt: den forberedte agendaen brukes",
    mirror_none: |g| format!("Da – nå: {g}. samling er ikke holdt, så svarene derfra mangler"),
    mirror_then: |g| format!("Da ({g}. samling)"),
    mirror_no_answer: "Ingen svar da.",
    mirror_now: "Nå",
    item_kind: |k| match k {
        ItemKind::Welcome => "Velkommen",
        ItemKind::SinceLast => "Siden sist",
        ItemKind::Talk => "Innlegg",
        ItemKind::Film => "Film / case",
        ItemKind::Exercise => "Øvelse",
        ItemKind::GroupReflection => "Gruppearbeid",
        ItemKind::Plenary => "Plenum",
        ItemKind::Break => "Pause",
        ItemKind::Planning => "Planlegging",
        ItemKind::Closing => "Avslutning",
    },
    problem,
};

fn file_kind(k: FileKind) -> &'static str {
    match k {
        FileKind::Program => "et program",
        FileKind::Session => "en samling",
        FileKind::Journal => "en endringslogg",
    }
}

fn problem(p: &Problem) -> String {
    match &p.kind {
        ProblemKind::Io { kind, detail } => match kind {
            ErrorKind::NotFound => "filen finnes ikke".into(),
            ErrorKind::PermissionDenied => "ingen tilgang til filen".into(),
            ErrorKind::StorageFull => "disken er full".into(),
            ErrorKind::ReadOnlyFilesystem => "disken er skrivebeskyttet".into(),
            ErrorKind::IsADirectory => "dette er en mappe, ikke en fil".into(),
            _ => format!("kunne ikke lese eller skrive filen: {detail}"),
        },
        ProblemKind::Symlink => {
            "dette er en symbolsk lenke; samling skriver ikke gjennom den (fjern lenken)".into()
        }
        ProblemKind::NotRegular => {
            "dette er ikke en vanlig fil (en enhet, et rør …); samling leser og skriver den ikke"
                .into()
        }
        ProblemKind::NotAFile => "dette er en mappe, ikke en fil".into(),
        ProblemKind::TooLarge { bytes, limit } => format!(
            "filen er for stor ({}; grensen er {})",
            megabytes(*bytes, true),
            megabytes(*limit, true)
        ),
        ProblemKind::Empty => "filen er tom".into(),
        ProblemKind::NotText => "filen er ikke tekst (UTF-8)".into(),
        ProblemKind::SaverStopped => "lagringen stoppet (en feil i samling)".into(),
        ProblemKind::Syntax(msg) => format!("ugyldig RON: {msg}"),
        ProblemKind::NewerVersion { found, supported } => format!(
            "filen har versjon {found}, men denne samling kan lese til og med versjon \
             {supported}: oppgrader samling"
        ),
        ProblemKind::NoVersion => {
            "filen mangler «version: 1» (alle samling-filer begynner med det)".into()
        }
        ProblemKind::UnknownVersion { found } => format!("ukjent versjon {found}"),
        ProblemKind::WrongKind { expected, found } => format!(
            "forventet {}, men filen er {}",
            file_kind(*expected),
            file_kind(*found)
        ),
        ProblemKind::DuplicateProgram { id, other } => format!(
            "programmet «{id}» finnes også i {}; denne filen brukes ikke",
            other.display()
        ),
        ProblemKind::Locked { pid } => match pid {
            Some(pid) => format!(
                "samlingen er allerede åpen i en annen samling (prosess {pid}); lukk den først"
            ),
            None => "samlingen er allerede åpen i en annen samling; lukk den først".into(),
        },
        ProblemKind::Invalid(kind) => invalid(kind),
        ProblemKind::TornLine => {
            "siste linje ble ikke skrevet ferdig (samling ble avbrutt midt i en lagring); \
             den er hoppet over"
                .into()
        }
        ProblemKind::BadLine(msg) => {
            format!("linjen kan ikke leses og er hoppet over (ugyldig RON: {msg})")
        }
        ProblemKind::OtherSession { found } => {
            format!("endringsloggen hører til samlingen «{found}», ikke denne; den brukes ikke")
        }
        ProblemKind::StaleJournal => {
            "endringsloggen er eldre enn samlingsfilen og har endringer filen ikke har; den \
             brukes ikke, og legges til side når samlingen åpnes"
                .into()
        }
        ProblemKind::JournalGone => {
            "endringsloggen ble borte eller byttet ut mens samling skrev i den; neste lagring \
             skriver hele samlingen"
                .into()
        }
        ProblemKind::SessionGone => {
            "samlingsfilen er ikke der (er mappen borte?); notatene venter her".into()
        }
        ProblemKind::ConflictCopy {
            writer,
            merged: true,
        } => format!(
            "en kopi synkroniseringen laget av loggen til «{writer}»; notatene i den er flettet \
             inn, resten brukes ikke"
        ),
        ProblemKind::ConflictCopy {
            writer,
            merged: false,
        } => format!(
            "en kopi synkroniseringen laget av loggen til «{writer}»; den brukes ikke – se over \
             den, og flytt den bort når du har sett hva den har"
        ),
        ProblemKind::Unplaced { count } => format!(
            "{count} notater gjelder et punkt eller spørsmål som ikke er på agendaen lenger; de \
             er ikke tatt med, men står i loggen"
        ),
        ProblemKind::SessionCopy { id } => format!(
            "en kopi av samlingen «{id}» under et annet navn (laget av synkroniseringen?); den \
             brukes ikke – se over den, og flytt den bort når du har sett hva den har"
        ),
        ProblemKind::NotTheirs { count } => format!(
            "{count} endringer i loggen gjelder noe bare veilederen eller en annen skriver kan \
             endre; de er utelatt, skriverens egne notater er brukt"
        ),
        ProblemKind::JournalNotApplied(kind) => format!(
            "endringene i loggen ville bryte en regel ({}); loggen brukes ikke",
            invalid(kind)
        ),
    }
}

fn what(w: &str) -> &str {
    match w {
        "item" => "agendapunkt",
        "goal" => "læringsmål",
        "module" => "modul",
        "rule" => "regel",
        "note" => "notat",
        "agreement" => "avtale",
        "prompt" => "spørsmål",
        "timing" => "tidsregistrering",
        other => other,
    }
}

fn invalid(k: &InvalidKind) -> String {
    match k {
        InvalidKind::Empty { field } => format!("«{field}» kan ikke være tom"),
        InvalidKind::BadId { id } => {
            format!("id «{id}» kan bare ha bokstavene a–z, sifre, - og _ (den brukes i filnavn)")
        }
        InvalidKind::NoGatherings => "programmet har ingen samlinger".into(),
        InvalidKind::DuplicateGathering { number } => {
            format!("samling nummer {number} finnes fra før")
        }
        InvalidKind::GatheringOutOfOrder { number, expected } => {
            format!("samling nummer {number} står der samling {expected} skulle stått")
        }
        InvalidKind::DuplicateId { what: w, id } => {
            format!("{} med id «{id}» finnes fra før", what(w))
        }
        InvalidKind::BadMinutes { item, minutes } => {
            format!("«{item}»: {minutes} minutter går ikke; varigheten må være 1–1440 minutter")
        }
        InvalidKind::StepsTooLong {
            item,
            steps,
            minutes,
        } => format!("«{item}»: trinnene tar {steps} minutter, men punktet har bare {minutes}"),
        InvalidKind::BadMinimum { item, min, minutes } => {
            format!("«{item}»: min_minutes {min} må være fra 1 til punktets {minutes} minutter")
        }
        InvalidKind::UnknownGoal { item, goal } => {
            format!("«{item}»: læringsmålet «{goal}» finnes ikke i programmet")
        }
        InvalidKind::BadRevisit {
            gathering,
            item,
            prompt,
        } => format!(
            "spørsmålet det vises til (samling {gathering}, «{item}», spørsmål «{prompt}») finnes ikke"
        ),
        InvalidKind::RevisitNotEarlier {
            gathering,
            revisits,
        } if gathering == revisits => format!(
            "{gathering}. samling stiller et av sine egne spørsmål på nytt: «Da – nå» har ingen tidligere svar å vise"
        ),
        InvalidKind::RevisitNotEarlier {
            gathering,
            revisits,
        } => format!(
            "{gathering}. samling stiller et spørsmål fra {revisits}. samling på nytt, men {revisits}. samling kommer etter: «Da – nå» har ingen tidligere svar å vise"
        ),
        InvalidKind::UnknownGathering { number } => {
            format!("samling {number} finnes ikke i programmet")
        }
        InvalidKind::GatheringLength {
            number,
            planned,
            stated,
        } => format!(
            "{number}. samling: agendaen har {planned} minutter, men fra start til slutt er det {stated} minutter"
        ),
        InvalidKind::ModuleIdTaken { id, gathering } => format!(
            "id «{id}» i en valgfri modul er også et agendapunkt i {gathering}. samling; gi modulen en egen id"
        ),
        InvalidKind::UnknownNote { note } => format!("notat {note} finnes ikke"),
        InvalidKind::UnknownItem { item } => format!("agendapunktet «{item}» finnes ikke"),
        InvalidKind::UnknownPrompt { item, prompt } => {
            format!("«{item}» har ikke noe spørsmål med id «{prompt}»")
        }
        InvalidKind::BadGroup { group } => format!("gruppe {group} går ikke; bruk 1–9"),
        InvalidKind::TimeOutOfOrder { what } => {
            format!("tidspunktene for «{what}» går bakover")
        }
        InvalidKind::BadTimerSequence { item } => format!(
            "tidsregistreringen for «{item}» er i ugyldig rekkefølge (start, pause, fortsett, slutt)"
        ),
    }
}
