//! Reading a file in a separate process, for the window: the readers keep their limits, but
//! should one of them still abort (an allocation the system refuses, a bug in a library), only
//! that process ends, and the window says «Файл не удалось прочитать» instead of vanishing.
//! The child is the program itself with the hidden subcommand `read-table`.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use exchange::import::Source;

use crate::error::{CommandError, CommandResult, ErrorCode};

/// How long the reader may take before it is stopped (the readers' own budget is 15 s).
const PATIENCE: Duration = Duration::from_secs(30);

/// Reads `path` (the workbook's `sheet`) with the program `exe`.
pub fn read_file(exe: &Path, path: &Path, sheet: Option<&str>, work: &domain::Work) -> CommandResult<Source> {
    let mut cmd = Command::new(exe);
    cmd.arg("read-table").arg(path);
    if let Some(s) = sheet {
        cmd.arg("--sheet").arg(s);
    }
    #[cfg(windows)]
    {
        // No console window flashing up over the program's own.
        use std::os::windows::process::CommandExt;
        cmd.creation_flags(0x0800_0000);
    }
    run(cmd, path, work)
}

/// Every sheet of a results workbook (or the one table of another file), read in one child.
pub fn read_results(exe: &Path, path: &Path, work: &domain::Work) -> CommandResult<Vec<(Source, String)>> {
    let mut cmd = Command::new(exe);
    cmd.arg("read-table").arg(path).arg("--all");
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        cmd.creation_flags(0x0800_0000);
    }
    let sources: Vec<Source> = run(cmd, path, work)?;
    let name = path.to_string_lossy().into_owned();
    Ok(sources.into_iter().map(|s| (s, name.clone())).collect())
}

/// Runs a reader and takes its JSON, its Russian refusal, or the news that it failed.
/// Runs the reader `cmd` on `path`: its answer, or a Russian refusal; the person's «Остановить»
/// (`work`) kills it.
pub fn run<T: serde::de::DeserializeOwned>(
    mut cmd: Command,
    path: &Path,
    work: &domain::Work,
) -> CommandResult<T> {
    let failed = |why: String| {
        CommandError::new(
            ErrorCode::Invalid,
            format!("Файл «{}» не удалось прочитать: {why}. Данные не изменены.", path.display()),
        )
    };
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(format!("программа чтения не запустилась ({})", store::io_message(&e))))?;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    // Both pipes drained while the child runs: a big table must not stall it on a full pipe.
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        out.read_to_end(&mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        String::from_utf8_lossy(&v).into_owned()
    });
    let deadline = Instant::now() + PATIENCE;
    let mut stopped = false;
    let status = loop {
        if work.stopped() {
            let _ = child.kill();
            let _ = child.wait();
            stopped = true;
            break None;
        }
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    if stopped {
        // Not waiting for the pipes: what the reader started may hold them a while yet.
        return Err(domain::Cancelled.into());
    }
    let stdout = out.join().ok().and_then(Result::ok).unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    match status {
        None => Err(failed(format!("чтение заняло больше {} секунд и остановлено", PATIENCE.as_secs()))),
        Some(s) if s.success() => serde_json::from_slice(&stdout)
            .map_err(|_| failed("программа чтения вернула неполный ответ".to_owned())),
        // The reader's own refusal: a Russian sentence after «Ошибка: ».
        Some(s) if s.code() == Some(1) && stderr.starts_with("Ошибка: ") => Err(CommandError::new(
            ErrorCode::Invalid,
            stderr.trim_start_matches("Ошибка: ").trim_end().to_owned(),
        )),
        Some(_) => Err(failed(
            "программа чтения файлов аварийно завершилась (файл повреждён или слишком велик)".to_owned(),
        )),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut c = Command::new("sh");
        c.arg("-c").arg(script);
        c
    }

    #[test]
    fn an_aborting_reader_is_a_russian_refusal_not_a_crash() {
        let e = run::<Source>(sh("kill -ABRT $$"), Path::new("план.xlsx"), &Default::default()).unwrap_err();
        assert_eq!(
            e.message,
            "Файл «план.xlsx» не удалось прочитать: программа чтения файлов аварийно завершилась (файл повреждён или слишком велик). Данные не изменены."
        );
        let e = run::<Source>(
            sh("echo 'Ошибка: В таблице больше 50 000 строк.' >&2; exit 1"),
            Path::new("план.xlsx"),
            &Default::default(),
        )
        .unwrap_err();
        assert_eq!(e.message, "В таблице больше 50 000 строк.");
        let e =
            run::<Source>(sh("echo '{\"grid\":'"), Path::new("план.xlsx"), &Default::default()).unwrap_err();
        assert!(e.message.contains("неполный ответ"), "{}", e.message);
    }

    #[test]
    fn a_stop_kills_the_reader_at_once() {
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let work = domain::Work::new(|_| {}, cancel.clone());
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        });
        let started = Instant::now();
        let e = run::<Source>(sh("sleep 20"), Path::new("план.xlsx"), &work).unwrap_err();
        stopper.join().unwrap();
        assert_eq!(e.code, ErrorCode::Cancelled);
        assert!(started.elapsed() < Duration::from_secs(5), "the reader ran on");
    }
}
