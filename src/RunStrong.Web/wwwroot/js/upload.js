// Upload page enhancement (Pages/Activities/Upload.cshtml). Without this script the form posts to the page and the
// results come back as a page. With it, each chosen file goes to POST /api/activities on its own request, so it gets
// its own progress bar (XHR upload progress), and its results are shown line by line as the server streams them
// (Accept: application/x-ndjson, one JSON object per imported, duplicate, failed or skipped file).
(function () {
    'use strict';

    var form = document.querySelector('form[data-upload-form]');
    if (!form || !window.XMLHttpRequest || !window.FormData) {
        return;
    }

    var input = form.querySelector('input[type=file]');
    var button = form.querySelector('button[type=submit]');
    var list = document.querySelector('[data-testid=upload-results]');
    var summary = document.querySelector('[data-testid=upload-summary]');
    var counts = { imported: 0, duplicate: 0, failed: 0, skipped: 0 };

    function fileName(path) {
        var parts = String(path).split(/[\/\\!]/);
        return parts[parts.length - 1] || path;
    }

    function showSummary(done) {
        summary.textContent = counts.imported + ' imported, ' + counts.duplicate + ' already there, ' +
            counts.failed + ' failed, ' + counts.skipped + ' not activity files' + (done ? '.' : '…');
    }

    function addResult(result) {
        var status = String(result.status || 'failed');
        counts[status] = (counts[status] || 0) + 1;
        var item = document.createElement('li');
        item.className = 'result';
        item.setAttribute('data-status', status);
        var label = document.createElement('span');
        label.className = 'status';
        label.textContent = status;
        item.appendChild(label);
        item.appendChild(document.createTextNode(' '));
        var name;
        if (result.activityId) {
            name = document.createElement('a');
            name.href = '/activities/' + result.activityId;
        } else {
            name = document.createElement('span');
            name.className = 'file';
        }
        name.textContent = fileName(result.path);
        item.appendChild(name);
        if (result.error) {
            var why = document.createElement('span');
            why.className = 'why';
            why.textContent = result.error;
            item.appendChild(document.createTextNode(' '));
            item.appendChild(why);
        }
        // What the reader salvaged or doubted in a file it stored (cut short, a bad CRC), as the page without script shows it.
        if (status === 'imported' && result.warnings && result.warnings.length) {
            var warnings = document.createElement('ul');
            warnings.className = 'warnings';
            warnings.setAttribute('data-testid', 'upload-warnings');
            result.warnings.forEach(function (w) {
                var line = document.createElement('li');
                line.textContent = w;
                warnings.appendChild(line);
            });
            item.appendChild(warnings);
        }
        list.appendChild(item);
        showSummary(false);
    }

    function uploadRow(file) {
        var row = document.createElement('li');
        row.className = 'upload-progress';
        row.setAttribute('data-testid', 'upload-progress');
        var label = document.createElement('span');
        label.textContent = file.name;
        var bar = document.createElement('progress');
        bar.max = 100;
        bar.value = 0;
        bar.setAttribute('aria-label', 'Uploading ' + file.name);
        row.appendChild(label);
        row.appendChild(bar);
        list.appendChild(row);
        return { row: row, bar: bar };
    }

    function send(file) {
        return new Promise(function (resolve) {
            var progress = uploadRow(file);
            var data = new FormData();
            data.append('files', file, file.name);
            var date = form.querySelector('input[name=date]');
            if (date && date.value) {
                data.append('date', date.value);
            }
            var xhr = new XMLHttpRequest();
            var read = 0;

            function drain(final) {
                var text = xhr.responseText || '';
                var end = final ? text.length : text.lastIndexOf('\n') + 1;
                if (end <= read) {
                    return;
                }
                text.substring(read, end).split('\n').forEach(function (line) {
                    if (line.trim().length > 0) {
                        try {
                            addResult(JSON.parse(line));
                        } catch (e) {
                            addResult({ path: file.name, status: 'failed', error: file.name + ': the server sent an unreadable result' });
                        }
                    }
                });
                read = end;
            }

            xhr.upload.addEventListener('progress', function (e) {
                if (e.lengthComputable) {
                    progress.bar.value = Math.round(100 * e.loaded / e.total);
                }
            });
            xhr.upload.addEventListener('load', function () {
                progress.bar.value = 100;
            });
            xhr.addEventListener('progress', function () {
                if (xhr.status === 200) {
                    drain(false);
                }
            });
            xhr.addEventListener('load', function () {
                progress.row.remove();
                if (xhr.status === 200) {
                    drain(true);
                } else {
                    var message = file.name + ': upload refused (' + xhr.status + ')';
                    try {
                        var problem = JSON.parse(xhr.responseText);
                        if (problem && problem.detail) {
                            message = file.name + ': ' + problem.detail;
                        }
                    } catch (e) {
                        // not JSON: keep the status line
                    }
                    addResult({ path: file.name, status: 'failed', error: message });
                }
                resolve();
            });
            xhr.addEventListener('error', function () {
                progress.row.remove();
                addResult({ path: file.name, status: 'failed', error: file.name + ': the upload was interrupted' });
                resolve();
            });
            xhr.open('POST', form.getAttribute('data-api'));
            xhr.setRequestHeader('Accept', 'application/x-ndjson');
            // The API refuses a change made with the session cookie unless it carries this page's antiforgery token.
            var token = document.querySelector('meta[name="request-verification-token"]');
            xhr.setRequestHeader('RequestVerificationToken', token ? token.getAttribute('content') : '');
            xhr.send(data);
        });
    }

    form.addEventListener('submit', function (event) {
        if (!input.files || input.files.length === 0) {
            return;
        }
        var files = Array.prototype.slice.call(input.files);
        // A large zip (a whole export) is imported in the background: the form posts as it would without this
        // script, and the server answers with the import's progress page.
        var background = Number(form.getAttribute('data-background-bytes')) || Infinity;
        if (files.some(function (f) { return /\.zip$/i.test(f.name) && f.size >= background; })) {
            return;
        }
        event.preventDefault();
        list.textContent = '';
        counts = { imported: 0, duplicate: 0, failed: 0, skipped: 0 };
        showSummary(false);
        button.disabled = true;
        files.reduce(function (chain, file) {
            return chain.then(function () { return send(file); });
        }, Promise.resolve()).then(function () {
            button.disabled = false;
            input.value = '';
            showSummary(true);
            form.setAttribute('data-done', 'true');
        });
    });
})();
