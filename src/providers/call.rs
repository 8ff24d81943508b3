//! What a target makes, as values: the unsigned [`Call`] (RPC parameters, or a REST path and JSON
//! body) and the vendor CLI command ([`VendorCommand`]), which `render::vendor_cli` writes out.

use serde::Serialize;

use crate::lang::Words;

/// The unsigned call a target makes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "style", rename_all = "snake_case")]
pub enum Call {
    /// An Alibaba RPC call: action, version and parameters (signed with V2 or ACS3).
    Rpc {
        /// The endpoint host.
        host: String,
        /// `Action`.
        action: &'static str,
        /// `Version`.
        version: &'static str,
        /// The API parameters, in a stable order.
        parameters: Vec<(String, String)>,
    },
    /// A Huawei REST call with a JSON body (signed with AK/SK or a token).
    Rest {
        /// The endpoint host.
        host: String,
        /// The path, unencoded.
        path: String,
        /// Headers to send and sign (Content-Type).
        headers: Vec<(String, String)>,
        /// The JSON body, exactly as it will be sent.
        body: String,
        /// The project ID that scopes AK/SK credentials, for project-level services.
        project_id: Option<String>,
    },
}

/// One argument of a vendor CLI command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CliArg {
    /// `--name` alone.
    Flag {
        /// The flag, with its dashes.
        name: String,
    },
    /// `--name=value` (`joined`) or `--name value`, the value quoted for the shell.
    Value {
        /// The option, with its dashes.
        name: String,
        /// The value.
        value: String,
        /// Whether name and value are joined by `=`.
        joined: bool,
    },
    /// `--name="$(cat FILE)"`: the value read from one of the command's files when it runs.
    File {
        /// The option, with its dashes.
        name: String,
        /// The file (one of [`VendorCommand::files`]).
        file: String,
    },
    /// `--name="FILE"`: the path of one of the command's files, which the program reads itself.
    Path {
        /// The option, with its dashes.
        name: String,
        /// The file (one of [`VendorCommand::files`]).
        file: String,
    },
}

/// A vendor CLI command as a value; `render::vendor_cli` writes it as a shell script.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VendorCommand {
    /// The notes shown above the command as comment lines, in both languages (a note's lines are
    /// separated by `\n`).
    pub notes: Vec<Words>,
    /// The program (`aliyun`, `hcloud`).
    pub program: &'static str,
    /// The words after it (`slb UploadCACertificate`).
    pub operation: Vec<String>,
    /// The arguments, in order.
    pub args: Vec<CliArg>,
    /// Files the command reads, written first: `(name, content)`. They may hold a private key.
    #[serde(skip)]
    pub files: Vec<(String, String)>,
}

impl VendorCommand {
    /// `program operation...` with these notes, no arguments yet.
    pub fn new(program: &'static str, operation: &[&str], notes: &[Words]) -> Self {
        Self {
            notes: notes.to_vec(),
            program,
            operation: operation.iter().map(|w| (*w).to_owned()).collect(),
            args: Vec::new(),
            files: Vec::new(),
        }
    }

    /// Adds `--name=value`.
    pub fn value(mut self, name: &str, value: &str) -> Self {
        self.args.push(CliArg::Value {
            name: name.to_owned(),
            value: value.to_owned(),
            joined: true,
        });
        self
    }

    /// Adds `--name="$(cat FILE)"`, the file holding `content`.
    pub fn file(self, name: &str, file: &str, content: &str) -> Self {
        let (name, file) = (name.to_owned(), file.to_owned());
        self.with_file(content, CliArg::File { name, file })
    }

    /// Adds `--name="FILE"`, the path of a file holding `content`.
    pub fn path(self, name: &str, file: &str, content: &str) -> Self {
        let (name, file) = (name.to_owned(), file.to_owned());
        self.with_file(content, CliArg::Path { name, file })
    }

    /// Adds `arg` ([`CliArg::File`] or [`CliArg::Path`]) and its file, holding `content`.
    fn with_file(mut self, content: &str, arg: CliArg) -> Self {
        if let CliArg::File { file, .. } | CliArg::Path { file, .. } = &arg {
            self.files.push((file.clone(), content.to_owned()));
        }
        self.args.push(arg);
        self
    }
}
