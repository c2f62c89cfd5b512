//! Koordinator's desktop shell and command line. The only crate that depends on tauri: each
//! command is a thin wrapper over the store and the other crates, and the CLI calls the same.

mod commands;
mod instance;
mod render;
#[cfg(windows)]
mod webview2;

// The window-free part lives in its own crate so the console program does not link GTK/WebKit.
pub use app::{
    applog, cli, contained, district, error, export, files, import, package, paths, region, results,
};

use std::path::PathBuf;

use commands::AppStore;
use store::Store;

/// Adds Koordinator's state, plugins and commands to a builder (the real one or a mock).
pub fn run_app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    store: Store,
    path: PathBuf,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppStore::new(store, path))
        .invoke_handler(tauri::generate_handler![
            commands::district::app_info,
            commands::district::load_demo,
            commands::district::list_backups,
            commands::district::data_version,
            commands::district::district_profile,
            commands::district::save_district_profile,
            commands::district::make_backup,
            commands::district::restore_backup,
            commands::region::region_table,
            commands::region::accept_packages,
            commands::region::package_name,
            commands::region::make_package,
            commands::region::become_region,
            commands::region::open_district,
            commands::schools::list_schools,
            commands::schools::create_school,
            commands::schools::update_school,
            commands::schools::save_pairing,
            commands::schools::delete_pairing,
            commands::schools::pairing_year,
            commands::schools::set_mentor_limit,
            commands::risks::list_risk_factors,
            commands::risks::add_risk_factor,
            commands::risks::rename_risk_factor,
            commands::risks::remove_risk_factor,
            commands::risks::risk_profile,
            commands::risks::set_risk_level,
            commands::risks::coverage,
            commands::risks::link_event_risk,
            commands::plans::list_plans,
            commands::plans::get_roadmap,
            commands::plans::list_orders,
            commands::plans::list_executors,
            commands::plans::plan_timeline,
            commands::plans::plan_overview,
            commands::webinars::list_webinar_series,
            commands::webinars::create_series_by_rule,
            commands::webinars::list_webinar_conflicts,
            commands::webinars::update_webinar,
            commands::webinars::list_holidays,
            commands::webinars::set_holiday,
            commands::webinars::remove_holiday,
            commands::timeframes::read_timeframe,
            commands::timeframes::set_event_timeframe,
            commands::timeframes::list_timeframe_review,
            commands::timeframes::accept_event_timeframe,
            commands::timeframes::timeframe_wording,
            commands::documents::export_document,
            commands::documents::preview_document,
            commands::documents::print_page,
            commands::documents::open_document,
            commands::documents::export_choices,
            commands::calendar::calendar_entries,
            commands::calendar::reschedule_webinar,
            commands::calendar::set_event_status,
            commands::calendar::export_calendar,
            commands::editor::save_plan,
            commands::editor::delete_plan,
            commands::editor::create_section,
            commands::editor::update_section,
            commands::editor::delete_section,
            commands::editor::shift_section,
            commands::editor::add_event,
            commands::editor::update_event,
            commands::editor::delete_event,
            commands::editor::shift_event,
            commands::editor::move_event_before,
            commands::editor::history,
            commands::editor::undo,
            commands::editor::undo_change,
            commands::editor::redo,
            commands::editor::list_changes,
            commands::editor::undo_to,
            commands::editor::save_order,
            commands::editor::order_points,
            commands::editor::order_wordings,
            commands::editor::order_title_for,
            commands::editor::list_working_groups,
            commands::exchange::preview_import,
            commands::exchange::import_plan,
            commands::exchange::cancel_work,
            commands::exchange::export_bundle,
            commands::exchange::copy_plan,
            commands::results::list_results,
            commands::results::results_view,
            commands::results::preview_results,
            commands::results::import_results,
            commands::results::update_result,
            commands::results::list_indicators,
            commands::results::add_indicator,
            commands::results::set_indicator_value,
            commands::files::choose_file,
        ])
}

/// Whether there is a screen to open a window on: on Linux an X or Wayland display (without
/// one GTK cannot start, and a message box would wait for ever).
fn has_display() -> bool {
    if cfg!(target_os = "linux") {
        ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()))
    } else {
        true
    }
}

/// Shows a Russian message box: for what goes wrong before the window exists or after it is gone
/// (on the terminal when there is no screen).
pub fn message_box(text: &str) {
    if !has_display() {
        eprintln!("{text}");
        return;
    }
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Координатор")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

/// Opens the window on the data file (`--db`, else `KOORDINATOR_DB`, else the program's own).
/// A failure to start is logged and shown in a message box, not only printed; a panic is logged
/// and explained in Russian instead of the program vanishing.
pub fn run(window: cli::Window) -> Result<(), error::CommandError> {
    if !has_display() {
        return Err(error::CommandError::new(
            error::ErrorCode::Io,
            "окно открыть негде: нет графического экрана (не задана переменная DISPLAY или WAYLAND_DISPLAY). \
             Команды работают и без окна: koordinator --help"
                .to_owned(),
        ));
    }
    render::choose();
    applog::init(&applog::folder());
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
        applog::write("СБОЙ", &format!("внутренняя ошибка программы{place}"));
        let log = applog::path().map(|p| p.display().to_string()).unwrap_or_default();
        message_box(&format!(
            "Во «Координаторе» произошла внутренняя ошибка, и окно будет закрыто. Все сохранённые \
             изменения остались в файле данных. Подробности записаны в журнал программы: {log}"
        ));
    }));
    let started = start(window);
    if let Err(e) = &started {
        applog::write("ОШИБКА", &e.message);
        message_box(&format!("Не удалось открыть «Координатор».\n\n{}", e.message));
    }
    started
}

fn start(window: cli::Window) -> Result<(), error::CommandError> {
    #[cfg(windows)]
    if !webview2::installed() {
        return Err(error::CommandError::new(error::ErrorCode::Io, webview2::MISSING.to_owned()));
    }
    let path = paths::data_file(window.db.clone());
    let store = if window.read_only {
        Store::open_read_only(&path)?
    } else {
        let mut store = paths::create_store(window.db)?;
        if window.region {
            region::make_region(&mut store)?;
        }
        // The day's first backup; a failure to make it must not keep the user out of their data.
        if let Err(e) = store.daily_backup() {
            applog::write("ПРЕДУПРЕЖДЕНИЕ", &format!("резервная копия не сделана: {e}"));
        }
        store
    };
    #[allow(unused_mut)]
    let mut context = tauri::generate_context!();
    // On Windows the plugin names its mutex and message window after the app's identifier: keyed
    // there by the data file as the D-Bus name is on Linux, so two files still open side by side
    // (WebView2's profile folder follows the identifier: one per data file).
    #[cfg(windows)]
    {
        let keyed = instance::bus_name(&context.config().identifier, &path);
        context.config_mut().identifier = keyed;
    }
    // First of the plugins: a second start on this file hands over to the first window and exits.
    let single = instance::plugin(&context.config().identifier, &path);
    let app = run_app(tauri::Builder::default().plugin(single), store, path).build(context).map_err(|e| {
        error::CommandError::new(error::ErrorCode::Io, format!("не удалось открыть окно: {e}"))
    })?;
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            // The process ends without dropping managed state: move the session's changes
            // from the -wal file into the data file now, so the file alone holds them.
            use tauri::Manager;
            if let Ok(store) = handle.state::<AppStore>().lock() {
                if let Err(e) = store.checkpoint() {
                    applog::write(
                        "ПРЕДУПРЕЖДЕНИЕ",
                        &format!("изменения не перенесены из -wal в файл данных: {e}"),
                    );
                }
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod ipc {
    //! The commands as the page invokes them (Tauri's mock runtime, the real context and
    //! capabilities): a path no dialog of this session gave is refused, for reading and writing.

    use serde_json::{json, Value};
    use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    fn invoke(
        webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
        cmd: &str,
        args: Value,
    ) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(webview, request).map(|b| b.deserialize::<Value>().unwrap())
    }

    /// Every `call<…>("command", { keys })` of ui/src/api/ipc.ts: the commands the page
    /// invokes, with the argument names it sends.
    fn page_calls() -> Vec<(String, Vec<String>)> {
        let ipc = include_str!("../../ui/src/api/ipc.ts");
        let mut calls = Vec::new();
        for part in ipc.split("call<").skip(1) {
            let Some(open) = part.find("(\"") else { continue };
            // «call<T>(command…» is the wrapper itself: a call's type runs straight to «("».
            if !part[..open].ends_with('>') || part[..open].contains(['(', '\n']) {
                continue;
            }
            let rest = &part[open + 2..];
            let Some(end) = rest.find('"') else { continue };
            let name = rest[..end].to_owned();
            let after = rest[end + 1..].trim_start();
            let mut keys = Vec::new();
            if let Some(body) = after.strip_prefix(',').map(str::trim_start).and_then(|a| a.strip_prefix('{'))
            {
                // The object's top-level keys: «a», «b: expr», up to its closing brace.
                let (mut depth, mut key, mut at_key) = (0i32, String::new(), true);
                for c in body.chars() {
                    match c {
                        '{' | '(' | '[' => depth += 1,
                        '}' | ')' | ']' if depth == 0 => break,
                        '}' | ')' | ']' => depth -= 1,
                        ',' if depth == 0 => at_key = true,
                        ':' if depth == 0 => at_key = false,
                        _ => {}
                    }
                    if depth == 0 && at_key && (c.is_alphanumeric() || c == '_') {
                        key.push(c);
                    } else if !key.is_empty() {
                        keys.push(std::mem::take(&mut key));
                    }
                }
                if !key.is_empty() {
                    keys.push(key);
                }
            }
            calls.push((name, keys));
        }
        calls
    }

    /// A renamed command or argument fails here, not in a person's window: each command the page
    /// calls is invoked under the names the page sends (their values null: a command that takes
    /// them runs, one that needs more refuses the value — never «missing required key» or «not
    /// found»). Those without arguments run on a demo district in a temporary folder.
    #[test]
    fn every_command_the_page_calls_takes_the_names_it_sends() {
        let calls = page_calls();
        assert!(calls.len() >= 90, "the page's calls were not all found: {}", calls.len());
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("район.sqlite3");
        let mut store = store::Store::create(&db).unwrap();
        crate::district::load_demo(&mut store).unwrap();
        let app =
            super::run_app(mock_builder(), store, db.clone()).build(tauri::generate_context!()).unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        for (name, keys) in &calls {
            let args: serde_json::Map<String, Value> =
                keys.iter().map(|k| (k.clone(), Value::Null)).collect();
            if let Err(e) = invoke(&webview, name, Value::Object(args)) {
                let said = e.to_string();
                assert!(
                    !said.contains("missing required key") && !said.contains("not found"),
                    "«{name}» with {keys:?}: {said}"
                );
            }
        }
        // The check itself catches a rename.
        let e = invoke(&webview, "get_roadmap", json!({ "plan_id": 1 })).unwrap_err().to_string();
        assert!(e.contains("missing required key"), "{e}");
        let e = invoke(&webview, "get_roadmaps", json!({})).unwrap_err().to_string();
        assert!(e.contains("not found"), "{e}");
    }

    #[test]
    fn paths_not_chosen_in_a_dialog_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("район.sqlite3");
        let mut store = store::Store::create(&db).unwrap();
        crate::district::load_demo(&mut store).unwrap();
        let secret = dir.path().join("чужое.docx");
        std::fs::write(&secret, b"PK not ours").unwrap();
        let app =
            super::run_app(mock_builder(), store, db.clone()).build(tauri::generate_context!()).unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        let out = dir.path().join("поверх.ics");
        let refused = [
            invoke(&webview, "export_calendar", json!({ "planId": 1, "path": out })),
            invoke(&webview, "export_bundle", json!({ "planId": 1, "path": out })),
            invoke(&webview, "export_calendar", json!({ "planId": 1, "path": db })),
            invoke(
                &webview,
                "preview_import",
                json!({ "source": { "kind": "file", "path": secret, "sheet": null }, "period": null, "roles": null, "progress": "__CHANNEL__:7" }),
            ),
        ];
        for r in refused {
            let e = r.expect_err("refused");
            assert!(e["message"].as_str().unwrap().contains("не был выбран в окне"), "{e}");
        }
        assert!(!out.exists());
        // The same commands work once the path came from a dialog.
        use tauri::Manager;
        app.state::<super::commands::AppStore>().remember_chosen(&out);
        invoke(&webview, "export_calendar", json!({ "planId": 1, "path": out })).unwrap();
        assert!(std::fs::read_to_string(&out).unwrap().starts_with("BEGIN:VCALENDAR"));
    }
}
