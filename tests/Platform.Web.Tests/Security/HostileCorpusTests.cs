using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Platform.Accounts;
using Platform.Generation;
using Platform.Testing;
using Platform.Web.Accounts;
using Platform.Web.Captions;
using Platform.Web.Generation.Batches;
using Platform.Web.Voting;
using static Platform.Tests.Security.HostileCorpus;

namespace Platform.Tests.Security;

/// <summary>
/// The hostile-input corpus: over 300 requests an attacker or a careless script would send, over every endpoint that
/// takes input. Each gets a 4xx problem+json, the platform stays healthy, and the event store and every document
/// table are exactly as they were.
/// </summary>
[Collection(PlatformHost.Name)]
public sealed class HostileCorpusTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Every_hostile_input_is_refused_with_a_problem_and_changes_nothing()
    {
        var cases = await BuildAsync();
        cases.Should().HaveCountGreaterThanOrEqualTo(300);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = await SnapshotAsync();

        var wrong = new List<string>();
        foreach (var hostile in cases)
        {
            using var response = await hostile.Client.SendAsync(hostile.Request());
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status is < 400 or > 499 || type != "application/problem+json")
                wrong.Add($"{hostile.Name} → {status} {type}: {Shorten(await response.Content.ReadAsStringAsync())}");
        }

        wrong.Should().BeEmpty("every one of the {0} hostile inputs gets a 4xx problem+json", cases.Count);
        (await fixture.Factory.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SnapshotAsync()).Should().Equal(before, "nothing a refused request sent may change the event store or a document");
    }

    private async Task<List<HostileCase>> BuildAsync()
    {
        var factory = fixture.Factory;
        var admin = await factory.AdminAsync();
        var researcher = await fixture.ResearcherAsync();
        var annotator = await factory.UserAsync("corpus.annotator", Role.Annotator);
        var reviewer = await factory.UserAsync("corpus.reviewer", Role.Reviewer);
        var anonymous = factory.CreateClient();

        var settings = new StudyBuilder().Build();
        var draft = await researcher.CreateStudyAsync(settings);
        var open = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var started = await anonymous.PostAsJsonAsync($"/api/studies/{open}/sessions", new StartSession("corpus-participant", "prolific"), ApiClient.Json);
        var token = (await started.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token;
        var trial = (await anonymous.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json))!.TrialId;
        var user = await admin.CreateUserAsync($"corpus.target.{Guid.NewGuid():N}@platform.test", "corpus-password", Role.Annotator);
        var server = await admin.RegisterServerAsync("http://127.0.0.1:9", name: "corpus");
        var video = await researcher.ImportedAsync(hue: 200);
        var caption = await annotator.CaptionAsync(video.VideoId);
        var templates = await researcher.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/captions/templates", ApiClient.Json);
        var clip = await File.ReadAllBytesAsync(await TestVideos.ClipAsync(hue: 40));

        var cases = new List<HostileCase>();
        cases.AddRange(ForJson("create study", researcher, HttpMethod.Post, "/api/studies", settings));
        cases.AddRange(ForJson("change draft", researcher, HttpMethod.Put, $"/api/studies/{draft}", settings));
        cases.AddRange(ForJson("new account", admin, HttpMethod.Post, "/api/users", new NewUser("new@platform.test", "New", "a-long-password", [Role.Annotator])));
        cases.AddRange(ForJson("roles", admin, HttpMethod.Put, $"/api/users/{user.Id}/roles", new RolesChange([Role.Reviewer])));
        cases.AddRange(ForJson("password", admin, HttpMethod.Put, $"/api/users/{user.Id}/password", new PasswordReset("another-long-password")));
        cases.AddRange(ForJson("token", anonymous, HttpMethod.Post, "/api/auth/tokens", new TokenRequest("nobody@platform.test", "whatever-password")));
        cases.AddRange(ForJson("start session", anonymous, HttpMethod.Post, $"/api/studies/{open}/sessions",
            new StartSession("corpus-other", "prolific", "study-1", "session-1")));
        cases.AddRange(ForJson("judgment", anonymous, HttpMethod.Post, $"/api/sessions/{token}/judgments", new JudgmentRequest(trial, "sideways", 1200)));
        cases.AddRange(ForJson("release", researcher, HttpMethod.Post, $"/api/studies/{open}/sessions/release", new Platform.Web.Voting.ReleaseSession("nobody-here")));
        cases.AddRange(ForJson("register server", admin, HttpMethod.Post, "/api/servers",
            new Platform.Web.Generation.Servers.ServerRequest("corpus-2", ServerProtocol.OpenAiVideos, "http://127.0.0.1:9", "m", 0, new GenerationSettings(Width: 64), null, null)));
        cases.AddRange(ForJson("change server", admin, HttpMethod.Put, $"/api/servers/{server.Id}",
            new Platform.Web.Generation.Servers.ServerRequest("corpus", ServerProtocol.OpenAiVideos, "http://user:pass@127.0.0.1:9", "m", 1, null, null, null)));
        cases.AddRange(ForJson("batch", researcher, HttpMethod.Post, $"/api/studies/{draft}/generation/batches",
            new BatchRequest([new PromptToGenerate("a dancer", "dance")], [new ConditionPlan("nonexistent", server.Id, null)], [1])));
        cases.AddRange(ForJson("save caption", annotator, HttpMethod.Put, $"/api/synthetic-videos/{video.VideoId}/caption",
            new CaptionEdit("A breakdancer spins.", null, caption.Version + 100)));
        cases.AddRange(ForJson("reject caption", reviewer, HttpMethod.Post, $"/api/synthetic-videos/{video.VideoId}/caption/reject", new RejectionRequest("too short", 0)));
        cases.AddRange(ForJson("restore caption", annotator, HttpMethod.Post, $"/api/synthetic-videos/{video.VideoId}/caption/restore", new RestoreRequest(Guid.NewGuid())));
        cases.AddRange(ForJson("folder import", researcher, HttpMethod.Post, "/api/synthetic-videos/imports", new FolderImportRequest("../../etc")));
        cases.AddRange(ForJson("templates", researcher, HttpMethod.Put, "/api/captions/templates", templates!));

        foreach (var folder in new[] { "../outside", "/etc", "a/../../b", "~root", "C:\\Windows", "..\\..\\b", "", " ", ".", "%2e%2e/x", "link-out/sub", "link-out" })
            cases.Add(HostileCorpus.Json($"folder import '{folder}'", researcher, HttpMethod.Post, "/api/synthetic-videos/imports", $"{{\"folder\":{System.Text.Json.JsonSerializer.Serialize(folder)}}}"));
        LinkOutOfImportRoot();

        foreach (var bad in new[] { "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1%20--", new string('a', 33), new string('a', 5000), "%E2%80%AEabc", "null", "undefined" })
        {
            cases.Add(Send($"session '{Shorten(bad)}'", anonymous, HttpMethod.Get, $"/api/sessions/{bad}"));
            cases.Add(Send($"next '{Shorten(bad)}'", anonymous, HttpMethod.Get, $"/api/sessions/{bad}/next"));
            cases.Add(HostileCorpus.Json($"judgment '{Shorten(bad)}'", anonymous, HttpMethod.Post, $"/api/sessions/{bad}/judgments", $"{{\"trialId\":\"{trial}\",\"choice\":\"left\"}}"));
            cases.Add(Send($"return '{Shorten(bad)}'", anonymous, HttpMethod.Post, $"/api/sessions/{bad}/return"));
            cases.Add(Send($"media '{Shorten(bad)}'", anonymous, HttpMethod.Get, $"/media/{bad}"));
            cases.Add(Send($"study '{Shorten(bad)}'", researcher, HttpMethod.Get, $"/api/studies/{bad}"));
            cases.Add(Send($"sign-in '{Shorten(bad)}'", researcher, HttpMethod.Delete, $"/api/auth/sign-ins/{bad}"));
        }

        foreach (var query in new[] { "q=%00", "tag=%00", "q=%E2%80%AE", "limit=-5", "limit=99999999999", "status=nonsense", "minMovementValue=abc", "parameter=%00=1", "q=" + new string('a', 5000) })
            cases.Add(Send($"catalog ?{Shorten(query)}", researcher, HttpMethod.Get, $"/api/synthetic-videos?{query}"));
        foreach (var query in new[] { "format=evil", "format=%00", "status=%00", "status=" + new string('x', 5000) })
            cases.Add(Send($"caption export ?{Shorten(query)}", researcher, HttpMethod.Get, $"/api/captions/export?{query}"));
        foreach (var query in new[] { "task=%00", "exclusions=maybe", "task=%E2%80%AE" })
        {
            cases.Add(Send($"results ?{query}", researcher, HttpMethod.Get, $"/api/studies/{open}/results?{query}"));
            cases.Add(Send($"results.csv ?{query}", researcher, HttpMethod.Get, $"/api/studies/{open}/results.csv?{query}"));
        }
        cases.Add(Send("take page with NUL in the Prolific id", anonymous, HttpMethod.Get, $"/take/{open}?PROLIFIC_PID=a%00b"));

        var videos = $"/api/studies/{draft}/videos";
        var text = "not a video at all"u8.ToArray();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        cases.Add(Multipart("upload: text as .mp4", researcher, videos, ("file", "a.mp4", text), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: a PNG", researcher, videos, ("file", "a.mp4", png), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: empty file", researcher, videos, ("file", "a.mp4", []), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: truncated mp4", researcher, videos, ("file", "a.mp4", clip[..(clip.Length / 3)]), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: no file", researcher, videos, ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: unknown condition", researcher, videos, ("file", "a.mp4", clip), ("condition", null, "zzz"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: prompt with NUL", researcher, videos, ("file", "a.mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p\0"u8.ToArray())));
        cases.Add(Multipart("upload: prompt of 25,000 characters", researcher, videos, ("file", "a.mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, Encoding.UTF8.GetBytes(new string('p', 25_000)))));
        cases.Add(Multipart("upload: prompt with a bidi override", researcher, videos, ("file", "a.mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, Encoding.UTF8.GetBytes("p\u202Eq"))));
        cases.Add(Multipart("upload: prompt with BEL", researcher, videos, ("file", "a.mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p\u0007q"u8.ToArray())));
        cases.Add(RawMultipart("upload: file name with NUL", researcher, videos, "a\0.mp4", clip, ("condition", "base-model"), ("prompt", "p")));
        cases.Add(RawMultipart("judgment import: file name with NUL", researcher, $"/api/studies/{open}/judgments/import", "j\0.csv",
            "participant,prompt,task,left,right,choice\np,a dancer,dance,base-model,ours-simdrop,left\n"u8.ToArray()));
        cases.Add(Multipart("upload: task with NUL", researcher, videos, ("file", "a.mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray()), ("task", null, "t\0"u8.ToArray())));
        cases.Add(Multipart("upload: file name of 5,000 characters", researcher, videos, ("file", new string('n', 5000) + ".mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(Multipart("upload: to an open study", researcher, $"/api/studies/{open}/videos", ("file", "a.mp4", clip), ("condition", null, "base-model"u8.ToArray()), ("prompt", null, "p"u8.ToArray())));
        cases.Add(HostileCorpus.Json("upload: JSON instead of a form", researcher, HttpMethod.Post, videos, "{\"file\":\"x\"}"));
        cases.Add(Multipart("caption import: text as video", researcher, "/api/synthetic-videos", ("file", "a.mp4", text), ("sidecar", null, Encoding.UTF8.GetBytes(CaptionApi.Sidecar))));
        cases.Add(Multipart("caption import: sidecar not JSON", researcher, "/api/synthetic-videos", ("file", "a.mp4", clip), ("sidecar", null, "{not json"u8.ToArray())));
        cases.Add(Multipart("caption import: sidecar with NUL", researcher, "/api/synthetic-videos", ("file", "a.mp4", clip), ("sidecar", null, Encoding.UTF8.GetBytes(CaptionApi.Sidecar.Replace("breakdancer", "break\\u0000dancer", StringComparison.Ordinal)))));
        cases.Add(Multipart("caption import: sidecar of 2 MB", researcher, "/api/synthetic-videos", ("file", "a.mp4", clip), ("sidecar", null, Encoding.UTF8.GetBytes("{\"x\":\"" + new string('x', 2_000_000) + "\"}"))));
        cases.Add(Multipart("caption import: no sidecar", researcher, "/api/synthetic-videos", ("file", "a.mp4", clip)));
        var imports = $"/api/studies/{open}/judgments/import";
        cases.Add(Multipart("judgment import: garbage", researcher, imports, ("file", "j.csv", "\u0000\u0001\u0002garbage"u8.ToArray())));
        cases.Add(Multipart("judgment import: empty", researcher, imports, ("file", "j.csv", [])));
        cases.Add(Multipart("judgment import: formula cells", researcher, imports, ("file", "j.csv", "participant,trial,choice\n=HYPERLINK(\"http://evil\"),x,left\n"u8.ToArray())));
        cases.Add(Multipart("judgment import: no file", researcher, imports));
        foreach (var (what, row) in new[]
        {
            ("NUL in the participant", "p\0x,a dancer,dance,base-model,ours-simdrop,left"),
            ("a bidi override in the participant", "p\u202Ex,a dancer,dance,base-model,ours-simdrop,left"),
            ("a control character in the prompt", "p,a\u0001dancer,dance,a,b,left"),
            ("a participant id of 5,000 characters", new string('p', 5000) + ",a dancer,dance,base-model,ours-simdrop,left"),
        })
        {
            var csv = Encoding.UTF8.GetBytes("participant,prompt,task,left,right,choice\n" + row + "\n");
            cases.Add(Multipart($"judgment import: {what}", researcher, imports, ("file", "j.csv", csv)));
            cases.Add(Send($"judgment import as text/csv: {what}", researcher, HttpMethod.Post, imports, () => new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } }));
        }
        cases.Add(Multipart("judgment import: file name with a bidi override", researcher, imports, ("file", "j\u202E.csv", "participant,prompt,task,left,right,choice\np,a dancer,dance,base-model,ours-simdrop,left\n"u8.ToArray())));
        cases.Add(HostileCorpus.Json("new account: duplicate field", admin, HttpMethod.Post, "/api/users",
            "{\"email\":\"dup@platform.test\",\"displayName\":\"Dup\",\"password\":\"a-long-password\",\"roles\":[\"annotator\"],\"roles\":[\"admin\"]}"));
        cases.Add(HostileCorpus.Json("new account: invisible character in the email", admin, HttpMethod.Post, "/api/users",
            "{\"email\":\"r\\u200Bb@platform.test\",\"displayName\":\"Look-alike\",\"password\":\"a-long-password\",\"roles\":[\"researcher\"]}"));
        return cases;
    }

    // HttpClient refuses to write a NUL in a header; a hand-made body is what an attacker sends.
    private static HostileCase RawMultipart(string name, HttpClient client, string path, string fileName, byte[] file, params (string Field, string Value)[] fields) =>
        new(name, client, () =>
        {
            const string boundary = "corpus-boundary";
            var body = new MemoryStream();
            void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
            foreach (var (field, value) in fields)
                Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n");
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(file);
            Write($"\r\n--{boundary}--\r\n");
            var content = new ByteArrayContent(body.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        });

    private void LinkOutOfImportRoot()
    {
        var root = Path.Combine(fixture.Factory.DataDirectory, "imports");
        Directory.CreateDirectory(root);
        var outside = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "outside", "sub")).Parent!.FullName;
        var link = Path.Combine(root, "link-out");
        if (!Path.Exists(link)) File.CreateSymbolicLink(link, outside);
    }

    /// <summary>Row counts and a digest of every document table, the event store and the voting slots.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            // Server health is left out: the platform's own periodic probe of the registered server writes it.
            "select table_name from information_schema.tables where table_schema = 'public' and (table_name like 'mt_doc_%' or table_name in ('mt_events', 'mt_streams', 'voting_slots')) and table_name <> 'mt_doc_serverhealth' order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand($"select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from public.{table} t", connection);
            rows.Add($"{table} {await digest.ExecuteScalarAsync()}");
        }
        return rows;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
