// The playground's Slack page: renders what the simulator holds for the acting user and turns
// each gesture into one JSON POST under /sim/. Plain browser JavaScript, no framework, no build.
'use strict';

(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);

  const ui = {
    me: new URLSearchParams(location.search).get('user') || null,
    snap: null,
    version: -1,
    channel: 'C0SUPPORT',
    tab: 'messages',
    threadTs: null,
    drafts: {},          // viewId -> blockId -> actionId -> raw value
    modalKey: null,
    poll: null,
    busy: false,
  };

  // ---- text -----------------------------------------------------------------------------------

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // Slack escapes only & < > in message text; undo that before escaping for HTML.
  function unslack(s) {
    return String(s).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function userName(id) {
    const u = ui.snap && ui.snap.users.find(x => x.id === id);
    if (u) return u.real_name;
    if (ui.snap && id === ui.snap.bot.id) return ui.snap.bot.name;
    return id;
  }

  function channelName(id) {
    const c = ui.snap && ui.snap.channels.find(x => x.id === id);
    return c ? c.name : id;
  }

  function safeUrl(url) {
    return /^(https?:|mailto:)/i.test(url) ? url : '#';
  }

  // mrkdwn: ```code blocks```, `code`, *bold*, _italic_, ~strike~, > quotes, <links|label>,
  // <@U…> and <#C…|name> mentions, and Slack's &amp; &lt; &gt; escapes.
  function mrkdwn(text) {
    const parts = String(text || '').split('```');
    return '<span class="mrkdwn">' + parts.map((p, i) => (i % 2
      ? '<pre class="code-block">' + esc(unslack(p.replace(/^\n/, ''))) + '</pre>'
      : inlineCode(p))).join('') + '</span>';
  }

  function inlineCode(t) {
    const parts = t.split('`');
    if (parts.length % 2 === 0) return spans(t);
    return parts.map((p, i) => (i % 2 ? '<code>' + esc(unslack(p)) + '</code>' : spans(p))).join('');
  }

  function spans(t) {
    let out = '';
    let last = 0;
    const re = /<([^<>\n]+)>/g;
    let m;
    while ((m = re.exec(t))) {
      out += styles(t.slice(last, m.index));
      out += control(m[1]);
      last = re.lastIndex;
    }
    return out + styles(t.slice(last));
  }

  function control(c) {
    const bar = c.indexOf('|');
    const target = bar < 0 ? c : c.slice(0, bar);
    const label = bar < 0 ? null : c.slice(bar + 1);
    if (target.startsWith('@')) {
      return '<span class="mention">@' + esc(label || userName(target.slice(1))) + '</span>';
    }
    if (target.startsWith('#')) {
      return '<span class="mention">#' + esc(label || channelName(target.slice(1))) + '</span>';
    }
    if (target.startsWith('!date^')) {
      return slackDate(target, label);
    }
    if (target.startsWith('!')) {
      return '<span class="mention">@' + esc(label || target.slice(1).split('^')[0]) + '</span>';
    }
    const url = unslack(target);
    return '<a href="' + esc(safeUrl(url)) + '" target="_blank" rel="noopener">'
      + (label ? styles(label) : esc(url)) + '</a>';
  }

  // Emoji short codes as Slack shows them: the emoji itself (drawn by the system's emoji font). The
  // codes the bot uses are all here; an unknown code stays as typed, as in Slack.
  const EMOJI = {
    white_check_mark: '\u2705', heavy_check_mark: '\u2714\ufe0f', x: '\u274c', warning: '\u26a0\ufe0f',
    hourglass: '\u231b', hourglass_flowing_sand: '\u23f3', memo: '\ud83d\udcdd', arrow_right: '\u27a1\ufe0f',
    information_source: '\u2139\ufe0f', no_entry: '\u26d4', no_entry_sign: '\ud83d\udeab', moneybag: '\ud83d\udcb0',
    clock3: '\ud83d\udd52', lock: '\ud83d\udd12', mag: '\ud83d\udd0d', zzz: '\ud83d\udca4', tada: '\ud83c\udf89',
    grey_question: '\u2754', question: '\u2753', alarm_clock: '\u23f0', ticket: '\ud83c\udfab',
    raised_hand: '\u270b', page_facing_up: '\ud83d\udcc4', heavy_multiplication_x: '\u2716\ufe0f',
    eye: '\ud83d\udc41\ufe0f', bell: '\ud83d\udd14', calendar: '\ud83d\udcc6', date: '\ud83d\udcc5',
    spiral_calendar_pad: '\ud83d\uddd3\ufe0f', email: '\ud83d\udce7', envelope: '\u2709\ufe0f',
    speech_balloon: '\ud83d\udcac', bust_in_silhouette: '\ud83d\udc64', busts_in_silhouette: '\ud83d\udc65',
    link: '\ud83d\udd17', key: '\ud83d\udd11', wrench: '\ud83d\udd27', hammer_and_wrench: '\ud83d\udee0\ufe0f',
    receipt: '\ud83e\uddfe', money_with_wings: '\ud83d\udcb8', dollar: '\ud83d\udcb5', stopwatch: '\u23f1\ufe0f',
    red_circle: '\ud83d\udd34', large_green_circle: '\ud83d\udfe2', large_yellow_circle: '\ud83d\udfe1',
    large_blue_circle: '\ud83d\udd35', white_circle: '\u26aa', rotating_light: '\ud83d\udea8', fire: '\ud83d\udd25',
    sparkles: '\u2728', thumbsup: '\ud83d\udc4d', '+1': '\ud83d\udc4d', wave: '\ud83d\udc4b', pushpin: '\ud83d\udccc',
    clipboard: '\ud83d\udccb', inbox_tray: '\ud83d\udce5', outbox_tray: '\ud83d\udce4', repeat: '\ud83d\udd01',
    arrows_counterclockwise: '\ud83d\udd04', leftwards_arrow_with_hook: '\u21a9\ufe0f', pencil2: '\u270f\ufe0f',
    small_orange_diamond: '\ud83d\udd38', small_blue_diamond: '\ud83d\udd39', star: '\u2b50',
    exclamation: '\u2757', heavy_exclamation_mark: '\u2757', bangbang: '\u203c\ufe0f', robot_face: '\ud83e\udd16',
  };
  const EYE = '<svg width="14" height="10" viewBox="0 0 14 10" aria-hidden="true"><path d="M7 1C3.5 1 1 5 1 5s2.5 4 '
    + '6 4 6-4 6-4-2.5-4-6-4z" fill="none" stroke="currentColor"/><circle cx="7" cy="5" r="1.8" fill="currentColor"/>'
    + '</svg>';

  function styles(t) {
    let s = esc(unslack(t));
    s = s.replace(/:([a-z0-9_+-]+):/g, (all, name) => (EMOJI[name] ? '<span class="emoji">' + EMOJI[name] + '</span>' : all));
    const edge = '(^|[\\s(>"\'])';
    const end = '(?=$|[\\s).,!?:;<"\'])';
    s = s.replace(new RegExp(edge + '\\*([^*\\n]+)\\*' + end, 'g'), '$1<b>$2</b>');
    s = s.replace(new RegExp(edge + '_([^_\\n]+)_' + end, 'g'), '$1<i>$2</i>');
    s = s.replace(new RegExp(edge + '~([^~\\n]+)~' + end, 'g'), '$1<s>$2</s>');
    s = s.split('\n').map(line => (line.startsWith('&gt; ')
      ? '<span class="quote">' + line.slice(5) + '</span>' : line)).join('\n');
    return s.replace(/\n/g, '<br>');
  }

  // The markdown block uses standard Markdown; map its common marks onto the mrkdwn renderer.
  function markdown(text) {
    const converted = String(text || '')
      .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
      .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '<$2|$1>')
      .replace(/^#{1,6} (.*)$/gm, '*$1*')
      .replace(/&(?!amp;|lt;|gt;)/g, '&amp;');
    return mrkdwn(converted);
  }

  function textObject(t) {
    if (!t) return '';
    return t.type === 'mrkdwn' ? mrkdwn(t.text) : '<span class="plain">' + esc(t.text).replace(/\n/g, '<br>') + '</span>';
  }

  function plain(t) {
    return t ? String(t.text || '') : '';
  }

  // ---- network --------------------------------------------------------------------------------

  async function gesture(what, body) {
    const res = await fetch('/sim/' + what, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ user: ui.me }, body)),
    });
    const json = await res.json().catch(() => ({ ok: false, error: 'HTTP ' + res.status }));
    if (!json.ok) toast(json.error || 'failed');
    return json;
  }

  function startPolling() {
    if (ui.poll) ui.poll.abort();
    const controller = new AbortController();
    ui.poll = controller;
    (async function loop() {
      while (!controller.signal.aborted) {
        try {
          const q = '/sim/state?user=' + encodeURIComponent(ui.me || '') + '&since=' + ui.version;
          const res = await fetch(q, { signal: controller.signal, cache: 'no-store' });
          if (!res.ok) throw new Error('HTTP ' + res.status);
          const snap = await res.json();
          if (controller.signal.aborted) return;
          if (snap.version !== ui.version || !ui.snap) {
            ui.version = snap.version;
            ui.snap = snap;
            render();
          }
        } catch (e) {
          if (controller.signal.aborted) return;
          await new Promise(r => setTimeout(r, 1000));
        }
      }
    })();
  }

  function toast(text) {
    const t = $('#toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
  }

  // ---- rendering ------------------------------------------------------------------------------

  function render() {
    const snap = ui.snap;
    if (!ui.me || !snap.users.some(u => u.id === ui.me)) {
      ui.me = snap.users[0].id;
      ui.version = -1;
      startPolling();
      return;
    }
    if (!snap.channels.some(c => c.id === ui.channel)) ui.channel = snap.channels[0].id;
    renderUsers();
    renderSidebar();
    renderHeader();
    if (ui.tab === 'home' && current().is_im) {
      $('#messages').hidden = true;
      $('#composer-form').hidden = true;
      $('#home').hidden = false;
      renderHome();
    } else {
      $('#messages').hidden = false;
      $('#composer-form').hidden = false;
      $('#home').hidden = true;
      renderMessages();
    }
    renderThread();
    renderModal();
  }

  function current() {
    return ui.snap.channels.find(c => c.id === ui.channel);
  }

  function renderUsers() {
    const sel = $('#user-switcher');
    const want = ui.snap.users.map(u => u.id).join(',');
    if (sel.dataset.users !== want) {
      sel.innerHTML = ui.snap.users.map(u => '<option value="' + esc(u.id) + '">' + esc(u.real_name)
        + ' (' + esc(u.tz) + ')</option>').join('');
      sel.dataset.users = want;
    }
    sel.value = ui.me;
  }

  function renderSidebar() {
    const item = c => '<li><a href="#" class="channel-link' + (c.id === ui.channel ? ' active' : '')
      + '" data-testid="channel-' + esc(c.id) + '" data-channel="' + esc(c.id) + '">'
      + (c.is_im ? '<span class="app-dot"></span>' : '<span class="hash">#</span>') + esc(c.name) + '</a></li>';
    $('#channel-list').innerHTML = ui.snap.channels.filter(c => !c.is_im).map(item).join('');
    $('#app-list').innerHTML = ui.snap.channels.filter(c => c.is_im).map(item).join('');
  }

  function renderHeader() {
    const c = current();
    $('#channel-title').textContent = c.is_im ? c.name : '# ' + c.name;
    $('#tabs').hidden = !c.is_im;
    $('#tab-messages').classList.toggle('active', ui.tab !== 'home');
    $('#tab-home').classList.toggle('active', ui.tab === 'home');
    $('#composer').placeholder = c.is_im ? 'Message ' + c.name + ' — try help, a ticket number, or /syncro help'
      : 'Message #' + c.name + ' — try /syncro help';
  }

  function messagesOf(channel) {
    return (ui.snap.messages[channel] || []);
  }

  function renderMessages() {
    const box = $('#messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    const top = messagesOf(ui.channel).filter(m => !m.thread_ts || m.thread_ts === m.ts);
    box.innerHTML = top.length ? top.map(m => messageHtml(m, false)).join('')
      : '<div class="empty">No messages yet. Type <code>/syncro help</code> below.</div>';
    if (atBottom || renderMessages.lastChannel !== ui.channel) box.scrollTop = box.scrollHeight;
    renderMessages.lastChannel = ui.channel;
  }

  function avatar(m) {
    const name = m.user_name || m.user;
    const letters = m.from_bot ? 'S' : name.split(/\s+/).map(w => w[0]).join('').slice(0, 2);
    const hue = m.from_bot ? 200 : m.user === 'USLACKBOT' ? 330
      : [...m.user].reduce((a, ch) => a + ch.charCodeAt(0), 0) * 47 % 360;
    return '<div class="avatar" style="background:hsl(' + hue + ',45%,45%)">' + esc(letters) + '</div>';
  }

  function viewerZone() {
    return ((ui.snap && ui.snap.users.find(u => u.id === ui.me)) || {}).tz;
  }

  // <!date^EPOCH^FORMAT[^LINK]|FALLBACK>: Slack shows the time in the viewer's own zone.
  function slackDate(target, fallback) {
    const parts = target.split('^');
    const when = new Date(parseInt(parts[1], 10) * 1000);
    if (parts.length < 3 || isNaN(when.getTime())) return esc(fallback || target);
    let text;
    try {
      text = formatSlackDate(parts[2], when, viewerZone());
    } catch (e) {
      return esc(fallback || target);
    }
    const link = parts[3] ? unslack(parts[3]) : null;
    const shown = '<span class="date" data-testid="date">' + esc(text) + '</span>';
    return link ? '<a href="' + esc(safeUrl(link)) + '" target="_blank" rel="noopener">' + shown + '</a>' : shown;
  }

  function formatSlackDate(format, when, tz) {
    const opts = (o) => Object.assign({ timeZone: tz }, o);
    const part = (o) => new Intl.DateTimeFormat('en-US', opts(o)).format(when);
    const dayKey = (d) => new Intl.DateTimeFormat('en-CA', opts({ year: 'numeric', month: '2-digit', day: '2-digit' }))
      .format(d);
    const ordinal = (n) => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th'));
    const day = parseInt(part({ day: 'numeric' }), 10);
    const year = part({ year: 'numeric' });
    const date = part({ month: 'long' }) + ' ' + ordinal(day) + ', ' + year;
    const dateShort = part({ month: 'short' }) + ' ' + day + ', ' + year;
    const dateLong = part({ weekday: 'long' }) + ', ' + date;
    const pretty = (plain) => {
      const now = Date.now();
      const key = dayKey(when);
      if (key === dayKey(new Date(now))) return 'today';
      if (key === dayKey(new Date(now - 86400000))) return 'yesterday';
      if (key === dayKey(new Date(now + 86400000))) return 'tomorrow';
      return plain;
    };
    const seconds = Math.round((Date.now() - when.getTime()) / 1000);
    const ago = () => {
      const abs = Math.abs(seconds);
      const [n, unit] = abs < 60 ? [abs, 'second'] : abs < 3600 ? [Math.floor(abs / 60), 'minute']
        : abs < 86400 ? [Math.floor(abs / 3600), 'hour'] : [Math.floor(abs / 86400), 'day'];
      const words = n + ' ' + unit + (n === 1 ? '' : 's');
      return seconds >= 0 ? words + ' ago' : 'in ' + words;
    };
    const tokens = {
      date_num: dayKey(when),
      date: date,
      date_short: dateShort,
      date_long: dateLong,
      date_pretty: pretty(date),
      date_short_pretty: pretty(dateShort),
      date_long_pretty: pretty(dateLong),
      time: part({ hour: 'numeric', minute: '2-digit' }),
      time_secs: part({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
      ago: ago(),
    };
    return format.replace(/\{([a-z_]+)\}/g, (all, name) => (name in tokens ? tokens[name] : all));
  }

  function time(ts) {
    const tz = viewerZone();
    try {
      return new Date(parseFloat(ts) * 1000).toLocaleTimeString('en-US',
        { hour: 'numeric', minute: '2-digit', timeZone: tz });
    } catch (e) {
      return new Date(parseFloat(ts) * 1000).toLocaleTimeString();
    }
  }

  function messageHtml(m, inThread) {
    const ctx = { kind: 'message', channel: ui.channel, ts: m.ts };
    const body = m.blocks && m.blocks.length ? blocksHtml(m.blocks, ctx) : '<div class="text">' + mrkdwn(m.text) + '</div>';
    const files = (m.files || []).map(f => '<a class="file" data-testid="file" target="_blank" href="'
      + esc(safeUrl(f.url_private)) + '"><span class="file-icon">' + esc((f.filetype || 'file').toUpperCase())
      + '</span><span><b>' + esc(f.title || f.name) + '</b><br><small>' + esc(f.name) + ' · ' + esc(f.size)
      + ' bytes</small></span></a>').join('');
    const unfurls = Object.keys(m.unfurls || {}).map(url => {
      const u = m.unfurls[url];
      const inner = u.blocks ? blocksHtml(u.blocks, ctx)
        : '<b>' + esc(u.title || url) + '</b><div>' + mrkdwn(u.text || '') + '</div>';
      return '<div class="unfurl" data-testid="unfurl" data-url="' + esc(url) + '">' + inner + '</div>';
    }).join('');
    const replies = !inThread && m.reply_count > 0
      ? '<a href="#" class="replies" data-testid="replies" data-ts="' + esc(m.ts) + '">' + m.reply_count
        + (m.reply_count === 1 ? ' reply' : ' replies') + '</a>' : '';
    const eph = m.ephemeral ? '<div class="ephemeral-note" data-testid="ephemeral-note">' + EYE
      + ' Only visible to you</div>' : '';
    const menu = inThread ? '' : '<button type="button" class="msg-menu-btn" data-testid="message-menu" data-ts="'
      + esc(m.ts) + '" aria-label="More actions">⋮</button>';
    return '<div class="msg' + (m.ephemeral ? ' ephemeral' : '') + '" data-testid="message" data-ts="' + esc(m.ts)
      + '" data-user="' + esc(m.user) + '" data-ephemeral="' + (m.ephemeral ? 'true' : 'false') + '">'
      + avatar(m) + '<div class="msg-main"><div class="msg-head"><b class="author">' + esc(m.user_name) + '</b>'
      + (m.from_bot ? '<span class="app-badge">APP</span>' : '') + '<span class="time">' + esc(time(m.ts))
      + '</span>' + (m.edited ? '<span class="edited">(edited)</span>' : '') + '</div>'
      + '<div class="msg-body">' + body + files + unfurls + '</div>' + eph + replies + '</div>' + menu + '</div>';
  }

  function renderThread() {
    const panel = $('#thread');
    if (!ui.threadTs) { panel.hidden = true; return; }
    const all = messagesOf(ui.channel);
    const parent = all.find(m => m.ts === ui.threadTs);
    if (!parent) { ui.threadTs = null; panel.hidden = true; return; }
    panel.hidden = false;
    const replies = all.filter(m => m.thread_ts === ui.threadTs && m.ts !== ui.threadTs);
    $('#thread-messages').innerHTML = messageHtml(parent, true) + '<div class="thread-count">' + replies.length
      + (replies.length === 1 ? ' reply' : ' replies') + '</div>' + replies.map(m => messageHtml(m, true)).join('');
  }

  function renderHome() {
    const home = ui.snap.home;
    $('#home').innerHTML = home
      ? '<div class="home-view" data-view-id="' + esc(home.id) + '">' + blocksHtml(home.blocks,
        { kind: 'view', viewId: home.id }) + '</div>'
      : '<div class="empty">The app has not published a Home tab for you yet.</div>';
  }

  // ---- blocks ---------------------------------------------------------------------------------

  function blocksHtml(blocks, ctx) {
    return (blocks || []).map(b => blockHtml(b, ctx)).join('');
  }

  function blockHtml(b, ctx) {
    const id = esc(b.block_id || '');
    switch (b.type) {
      case 'header':
        return '<div class="b-header" data-block-id="' + id + '">' + esc(plain(b.text)) + '</div>';
      case 'section': {
        let h = '<div class="b-section" data-block-id="' + id + '"><div class="b-section-main">';
        if (b.text) h += '<div class="text">' + textObject(b.text) + '</div>';
        if (b.fields) h += '<div class="fields">' + b.fields.map(f => '<div class="field">' + textObject(f)
          + '</div>').join('') + '</div>';
        h += '</div>';
        if (b.accessory) h += '<div class="accessory">' + elementHtml(b.accessory, b.block_id, ctx, false) + '</div>';
        return h + '</div>';
      }
      case 'context':
        return '<div class="b-context" data-block-id="' + id + '">' + (b.elements || []).map(e => (e.type === 'image'
          ? '<img class="ctx-img" alt="' + esc(e.alt_text || '') + '" src="' + esc(safeUrl(e.image_url)) + '">'
          : '<span>' + textObject(e) + '</span>')).join('') + '</div>';
      case 'divider':
        return '<hr class="b-divider">';
      case 'actions':
        return '<div class="b-actions" data-block-id="' + id + '">' + (b.elements || [])
          .map(e => elementHtml(e, b.block_id, ctx, false)).join('') + '</div>';
      case 'image':
        return '<figure class="b-image" data-block-id="' + id + '">' + (b.title ? '<figcaption>' + esc(plain(b.title))
          + '</figcaption>' : '') + '<img alt="' + esc(b.alt_text || '') + '" src="' + esc(safeUrl(b.image_url))
          + '"></figure>';
      case 'markdown':
        return '<div class="b-markdown text" data-block-id="' + id + '">' + markdown(b.text) + '</div>';
      case 'rich_text':
        return '<div class="b-rich text" data-block-id="' + id + '">' + richText(b.elements) + '</div>';
      case 'input':
        return inputHtml(b, ctx);
      default:
        return '<div class="b-unknown">[' + esc(b.type) + ' block]</div>';
    }
  }

  function richText(elements) {
    return (elements || []).map(e => {
      if (e.elements) return '<div>' + richText(e.elements) + '</div>';
      if (e.type === 'text') {
        let t = esc(e.text).replace(/\n/g, '<br>');
        const s = e.style || {};
        if (s.bold) t = '<b>' + t + '</b>';
        if (s.italic) t = '<i>' + t + '</i>';
        if (s.code) t = '<code>' + t + '</code>';
        return t;
      }
      if (e.type === 'link') return '<a href="' + esc(safeUrl(e.url)) + '" target="_blank">' + esc(e.text || e.url) + '</a>';
      if (e.type === 'user') return '<span class="mention">@' + esc(userName(e.user_id)) + '</span>';
      return '';
    }).join('');
  }

  function inputHtml(b, ctx) {
    const id = b.block_id || '';
    const errors = (ui.snap.modal && ui.snap.modal.errors) || {};
    const err = ctx.kind === 'view' && errors[id];
    return '<div class="input-block' + (err ? ' has-error' : '') + '" data-testid="input-' + esc(id)
      + '" data-block-id="' + esc(id) + '"><label class="input-label">' + esc(plain(b.label))
      + (b.optional ? ' <span class="optional">(optional)</span>' : '') + '</label>'
      + elementHtml(b.element, id, ctx, true, b.dispatch_action)
      + (b.hint ? '<div class="hint">' + esc(plain(b.hint)) + '</div>' : '')
      + (err ? '<div class="field-error" data-testid="error-' + esc(id) + '">' + esc(err) + '</div>' : '')
      + '</div>';
  }

  function draft(ctx, blockId, actionId) {
    if (ctx.kind !== 'view') return undefined;
    const d = ui.drafts[ctx.viewId] && ui.drafts[ctx.viewId][blockId];
    return d ? d[actionId] : undefined;
  }

  function attrs(e, blockId, ctx, isInput, dispatch) {
    return ' data-block-id="' + esc(blockId) + '" data-action-id="' + esc(e.action_id || '') + '" data-kind="'
      + esc(e.type) + '" data-input="' + (isInput ? '1' : '0') + '" data-dispatch="' + (dispatch ? '1' : '0') + '"'
      + ctxAttrs(ctx);
  }

  function ctxAttrs(ctx) {
    return ctx.kind === 'view' ? ' data-view-id="' + esc(ctx.viewId) + '"'
      : ' data-channel="' + esc(ctx.channel) + '" data-ts="' + esc(ctx.ts) + '"';
  }

  function optionsHtml(e, selected) {
    const one = o => '<option value="' + esc(o.value) + '"' + (selected === o.value ? ' selected' : '') + '>'
      + esc(plain(o.text)) + '</option>';
    if (e.option_groups) {
      return e.option_groups.map(g => '<optgroup label="' + esc(plain(g.label)) + '">'
        + g.options.map(one).join('') + '</optgroup>').join('');
    }
    return (e.options || []).map(one).join('');
  }

  function elementHtml(e, blockId, ctx, isInput, dispatch) {
    if (!e) return '';
    const a = attrs(e, blockId, ctx, isInput, dispatch);
    const tid = isInput ? ' data-testid="field-' + esc(blockId) + '"' : '';
    const d = draft(ctx, blockId, e.action_id);
    const ph = e.placeholder ? plain(e.placeholder) : '';
    switch (e.type) {
      case 'button':
        return '<button type="button" class="btn' + (e.style ? ' ' + esc(e.style) : '') + '" data-testid="button"'
          + ' data-label="' + esc(plain(e.text)) + '"' + a + '>' + esc(plain(e.text)) + '</button>';
      case 'static_select':
      case 'users_select':
      case 'conversations_select':
      case 'channels_select': {
        let selected = d !== undefined ? d : e.initial_option ? e.initial_option.value
          : e.initial_user || e.initial_conversation || e.initial_channel || '';
        let opts;
        if (e.type === 'static_select') opts = optionsHtml(e, selected);
        else if (e.type === 'users_select') {
          opts = ui.snap.users.map(u => '<option value="' + esc(u.id) + '"' + (selected === u.id ? ' selected' : '')
            + '>' + esc(u.real_name) + '</option>').join('');
        } else {
          opts = ui.snap.channels.map(c => '<option value="' + esc(c.id) + '"' + (selected === c.id ? ' selected' : '')
            + '>' + esc(c.name) + '</option>').join('');
        }
        return '<select class="select"' + tid + a + '><option value="">' + esc(ph || 'Select an item')
          + '</option>' + opts + '</select>';
      }
      case 'multi_static_select':
      case 'multi_users_select': {
        const chosen = d !== undefined ? d : e.type === 'multi_users_select' ? (e.initial_users || [])
          : (e.initial_options || []).map(o => o.value);
        const opts = e.type === 'multi_users_select'
          ? ui.snap.users.map(u => ({ value: u.id, text: { text: u.real_name } })) : (e.options || []);
        return '<select multiple class="select multi"' + tid + a + '>' + opts.map(o => '<option value="'
          + esc(o.value) + '"' + (chosen.includes(o.value) ? ' selected' : '') + '>' + esc(plain(o.text))
          + '</option>').join('') + '</select>';
      }
      case 'external_select':
      case 'multi_external_select': {
        const cur = d !== undefined ? d : e.initial_option
          ? { value: e.initial_option.value, text: plain(e.initial_option.text) } : null;
        return '<div class="typeahead"' + a + '><input type="text" class="input typeahead-input"' + tid
          + ' placeholder="' + esc(ph || 'Type to search') + '" value="' + esc(cur ? cur.text : '') + '"'
          + ' data-min="' + esc(e.min_query_length === undefined ? 3 : e.min_query_length) + '">'
          + '<ul class="suggestions" data-testid="suggestions-' + esc(blockId) + '" hidden></ul></div>';
      }
      case 'overflow':
        return '<span class="overflow"><button type="button" class="btn overflow-btn" data-testid="overflow"' + a
          + '>⋯</button><ul class="overflow-menu" hidden>' + (e.options || []).map(o => '<li><a href="#" '
          + 'class="overflow-option" data-value="' + esc(o.value) + '">' + esc(plain(o.text)) + '</a></li>').join('')
          + '</ul></span>';
      case 'datepicker':
        return '<input type="date" class="input"' + tid + a + ' value="' + esc(d !== undefined ? d
          : e.initial_date || '') + '">';
      case 'timepicker':
        return '<input type="time" class="input"' + tid + a + ' value="' + esc(d !== undefined ? d
          : e.initial_time || '') + '">';
      case 'datetimepicker': {
        const secs = d !== undefined ? d : e.initial_date_time;
        return '<input type="datetime-local" class="input"' + tid + a + ' value="' + esc(secs ? localInput(secs)
          : '') + '">';
      }
      case 'radio_buttons':
      case 'checkboxes': {
        const multi = e.type === 'checkboxes';
        const chosen = d !== undefined ? (multi ? d : [d]) : multi ? (e.initial_options || []).map(o => o.value)
          : e.initial_option ? [e.initial_option.value] : [];
        const name = 'g-' + blockId + '-' + e.action_id + '-' + (ctx.viewId || ctx.ts);
        return '<div class="choices"' + tid + a + '>' + (e.options || []).map(o => '<label class="choice">'
          + '<input type="' + (multi ? 'checkbox' : 'radio') + '" name="' + esc(name) + '" value="' + esc(o.value)
          + '"' + (chosen.includes(o.value) ? ' checked' : '') + '> <span>' + textObject(o.text) + '</span>'
          + (o.description ? '<small>' + textObject(o.description) + '</small>' : '') + '</label>').join('')
          + '</div>';
      }
      case 'plain_text_input':
      case 'email_text_input':
      case 'url_text_input':
      case 'number_input': {
        const value = d !== undefined ? d : e.initial_value || '';
        const max = e.max_length ? ' maxlength="' + esc(e.max_length) + '"' : '';
        if (e.multiline) {
          return '<textarea class="input" rows="4"' + tid + a + max + ' placeholder="' + esc(ph) + '">' + esc(value)
            + '</textarea>';
        }
        const type = e.type === 'email_text_input' ? 'email' : e.type === 'url_text_input' ? 'url' : 'text';
        return '<input type="' + type + '" class="input"' + tid + a + max + (e.type === 'number_input'
          ? ' inputmode="decimal"' : '') + ' placeholder="' + esc(ph) + '" value="' + esc(value) + '">';
      }
      case 'image':
        return '<img class="acc-img" alt="' + esc(e.alt_text || '') + '" src="' + esc(safeUrl(e.image_url)) + '">';
      default:
        return '<span class="b-unknown">[' + esc(e.type) + ']</span>';
    }
  }

  function localInput(secs) {
    const dt = new Date(Number(secs) * 1000);
    const p = n => String(n).padStart(2, '0');
    return dt.getFullYear() + '-' + p(dt.getMonth() + 1) + '-' + p(dt.getDate()) + 'T' + p(dt.getHours()) + ':'
      + p(dt.getMinutes());
  }

  // ---- modal ----------------------------------------------------------------------------------

  function renderModal() {
    const layer = $('#modal-layer');
    const modal = ui.snap.modal;
    if (!modal) {
      layer.hidden = true;
      layer.innerHTML = '';
      ui.modalKey = null;
      return;
    }
    const v = modal.view;
    const key = v.id + '|' + v.hash + '|' + JSON.stringify(modal.errors) + '|' + (modal.problem || '');
    if (key === ui.modalKey) return;
    ui.modalKey = key;
    const ctx = { kind: 'view', viewId: v.id };
    layer.innerHTML = '<div class="modal" role="dialog" aria-modal="true" data-testid="modal" data-view-id="'
      + esc(v.id) + '" data-callback-id="' + esc(v.callback_id || '') + '">'
      + '<div class="modal-head"><span class="modal-title" data-testid="modal-title">' + esc(plain(v.title))
      + '</span><button type="button" class="modal-x" data-testid="modal-dismiss" aria-label="Close">×</button></div>'
      + (modal.problem ? '<div class="modal-problem" data-testid="modal-problem">' + esc(modal.problem) + '</div>' : '')
      + '<div class="modal-body">' + blocksHtml(v.blocks, ctx) + '</div>'
      + '<div class="modal-foot"><button type="button" class="btn" data-testid="modal-close">'
      + esc(v.close ? plain(v.close) : modal.depth > 1 ? 'Back' : 'Cancel') + '</button>'
      + (v.submit ? '<button type="button" class="btn primary" data-testid="modal-submit">' + esc(plain(v.submit))
        + '</button>' : '') + '</div></div>';
    layer.hidden = false;
  }

  // Reads the current value of an element into the draft of its view.
  function readElement(el) {
    const kind = el.dataset.kind;
    if (kind === 'checkboxes') return [...el.querySelectorAll('input:checked')].map(i => i.value);
    if (kind === 'radio_buttons') {
      const c = el.querySelector('input:checked');
      return c ? c.value : '';
    }
    if (kind === 'multi_static_select' || kind === 'multi_users_select') {
      return [...el.selectedOptions].map(o => o.value);
    }
    if (kind === 'datetimepicker') return el.value ? String(Math.floor(new Date(el.value).getTime() / 1000)) : '';
    return el.value;
  }

  function remember(el, value) {
    const viewId = el.dataset.viewId;
    if (!viewId) return;
    const block = el.dataset.blockId;
    ui.drafts[viewId] = ui.drafts[viewId] || {};
    ui.drafts[viewId][block] = ui.drafts[viewId][block] || {};
    ui.drafts[viewId][block][el.dataset.actionId] = value;
  }

  async function sendAction(el, value) {
    const body = { block_id: el.dataset.blockId, action_id: el.dataset.actionId };
    if (value !== undefined) body.value = value;
    if (el.dataset.viewId) {
      body.view_id = el.dataset.viewId;
      body.values = ui.drafts[el.dataset.viewId] || {};
    } else {
      body.channel = el.dataset.channel;
      body.ts = el.dataset.ts;
    }
    return gesture('action', body);
  }

  function changed(el) {
    const value = readElement(el);
    remember(el, value);
    if (el.dataset.input === '0' || el.dataset.dispatch === '1') sendAction(el, value);
  }

  function confirmThen(conf, style, action) {
    if (!conf) { action(); return; }
    const layer = $('#confirm-layer');
    layer.innerHTML = '<div class="modal confirm" role="alertdialog" data-testid="confirm-dialog"><div class="modal-head">'
      + '<span class="modal-title">' + esc(plain(conf.title) || 'Are you sure?') + '</span></div><div class="modal-body">'
      + textObject(conf.text) + '</div><div class="modal-foot"><button type="button" class="btn" data-testid="confirm-no">'
      + esc(plain(conf.deny) || 'Cancel') + '</button><button type="button" class="btn ' + (conf.style || style
      || 'primary') + '" data-testid="confirm-yes">' + esc(plain(conf.confirm) || 'Yes') + '</button></div></div>';
    layer.hidden = false;
    $('[data-testid=confirm-no]', layer).onclick = () => { layer.hidden = true; };
    $('[data-testid=confirm-yes]', layer).onclick = () => { layer.hidden = true; action(); };
  }

  function findElementJson(el) {
    const blockId = el.dataset.blockId;
    const actionId = el.dataset.actionId;
    let blocks;
    if (el.dataset.viewId) {
      const v = ui.snap.modal && ui.snap.modal.view.id === el.dataset.viewId ? ui.snap.modal.view : ui.snap.home;
      blocks = v ? v.blocks : [];
    } else {
      const m = messagesOf(el.dataset.channel).find(x => x.ts === el.dataset.ts);
      blocks = m ? m.blocks.concat(...Object.values(m.unfurls || {}).map(u => u.blocks || [])) : [];
    }
    for (const b of blocks) {
      if (b.block_id !== blockId) continue;
      const els = b.elements || [b.accessory, b.element];
      const found = els.find(x => x && x.action_id === actionId);
      if (found) return found;
    }
    return null;
  }

  // ---- typeahead (external selects) -------------------------------------------------------------

  let suggestTimer = null;

  function typeahead(input) {
    const box = input.closest('.typeahead');
    const list = $('.suggestions', box);
    clearTimeout(suggestTimer);
    const q = input.value;
    if (q.length < Number(input.dataset.min)) { list.hidden = true; return; }
    suggestTimer = setTimeout(async () => {
      const body = { block_id: box.dataset.blockId, action_id: box.dataset.actionId, value: q };
      if (box.dataset.viewId) body.view_id = box.dataset.viewId;
      else { body.channel = box.dataset.channel; body.ts = box.dataset.ts; }
      const r = await gesture('suggest', body);
      if (!r.ok) return;
      const s = r.suggestions || {};
      let opts = (s.options || []).map(o => ({ value: o.value, text: plain(o.text) }));
      (s.option_groups || []).forEach(g => g.options.forEach(o => opts.push({ value: o.value,
        text: plain(g.label) + ' › ' + plain(o.text) })));
      list.innerHTML = opts.length ? opts.map(o => '<li><a href="#" class="suggestion" data-testid="suggestion" '
        + 'data-value="' + esc(o.value) + '" data-text="' + esc(o.text) + '">' + esc(o.text) + '</a></li>').join('')
        : '<li class="none">No matches</li>';
      list.hidden = false;
    }, 250);
  }

  // ---- events ---------------------------------------------------------------------------------

  document.addEventListener('click', async ev => {
    const t = ev.target;
    const link = t.closest('.channel-link');
    if (link) {
      ev.preventDefault();
      ui.channel = link.dataset.channel;
      ui.tab = 'messages';
      ui.threadTs = null;
      render();
      return;
    }
    const replies = t.closest('.replies');
    if (replies) {
      ev.preventDefault();
      ui.threadTs = replies.dataset.ts;
      renderThread();
      return;
    }
    if (t.closest('#thread-close')) { ui.threadTs = null; renderThread(); return; }
    if (t.closest('#tab-home')) {
      ui.tab = 'home';
      render();
      gesture('home', {});
      return;
    }
    if (t.closest('#tab-messages')) { ui.tab = 'messages'; render(); return; }

    const menuBtn = t.closest('.msg-menu-btn');
    if (menuBtn) { openMessageMenu(menuBtn); return; }
    const shortcut = t.closest('[data-testid=shortcut]');
    if (shortcut) {
      ev.preventDefault();
      closeMenus();
      gesture('shortcut', { channel: ui.channel, ts: shortcut.dataset.ts, callback_id: shortcut.dataset.callbackId });
      return;
    }
    const replyIn = t.closest('[data-testid=reply-in-thread]');
    if (replyIn) { ev.preventDefault(); closeMenus(); ui.threadTs = replyIn.dataset.ts; renderThread(); return; }
    if (!t.closest('.msg-menu') && !t.closest('.overflow')) closeMenus();

    const suggestion = t.closest('.suggestion');
    if (suggestion) {
      ev.preventDefault();
      const box = suggestion.closest('.typeahead');
      const value = { value: suggestion.dataset.value, text: suggestion.dataset.text };
      $('.typeahead-input', box).value = value.text;
      $('.suggestions', box).hidden = true;
      remember(box, value);
      if (box.dataset.input === '0' || box.dataset.dispatch === '1') sendAction(box, value);
      return;
    }
    const overflowBtn = t.closest('.overflow-btn');
    if (overflowBtn) { const menu = overflowBtn.nextElementSibling; menu.hidden = !menu.hidden; return; }
    const overflowOpt = t.closest('.overflow-option');
    if (overflowOpt) {
      ev.preventDefault();
      const btn = overflowOpt.closest('.overflow').querySelector('.overflow-btn');
      overflowOpt.closest('.overflow-menu').hidden = true;
      sendAction(btn, overflowOpt.dataset.value);
      return;
    }

    const button = t.closest('button.btn[data-action-id]');
    if (button) {
      const json = findElementJson(button) || {};
      confirmThen(json.confirm, json.style, () => {
        if (json.url) window.open(safeUrl(json.url), '_blank', 'noopener');
        sendAction(button);
      });
      return;
    }
    if (t.closest('[data-testid=modal-submit]')) {
      const modal = ui.snap.modal;
      if (!modal) return;
      const viewId = modal.view.id;
      gesture('submit', { view_id: viewId, values: ui.drafts[viewId] || {} });
      return;
    }
    if (t.closest('[data-testid=modal-close]')) { gesture('close', { all: false }); return; }
    if (t.closest('[data-testid=modal-dismiss]')) { gesture('close', { all: true }); }
  });

  document.addEventListener('change', ev => {
    const el = ev.target.closest('[data-action-id]');
    if (!el || el.classList.contains('typeahead') || ev.target.classList.contains('typeahead-input')) return;
    if (el.dataset.kind === 'plain_text_input' || el.dataset.kind === 'number_input'
      || el.dataset.kind === 'email_text_input' || el.dataset.kind === 'url_text_input') {
      remember(el, el.value);
      if (el.dataset.dispatch === '1') sendAction(el, el.value);
      return;
    }
    changed(el);
  });

  document.addEventListener('input', ev => {
    const t = ev.target;
    if (t.classList.contains('typeahead-input')) { typeahead(t); return; }
    const el = t.closest('[data-action-id]');
    if (el && el.dataset.viewId && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA') && !el.classList.contains('choices')) {
      remember(el, readElement(el));
    }
  });

  function closeMenus() {
    document.querySelectorAll('.msg-menu').forEach(m => m.remove());
    document.querySelectorAll('.overflow-menu').forEach(m => { m.hidden = true; });
  }

  function openMessageMenu(btn) {
    closeMenus();
    const ts = btn.dataset.ts;
    const menu = document.createElement('div');
    menu.className = 'msg-menu';
    menu.setAttribute('data-testid', 'message-menu-list');
    menu.innerHTML = ui.snap.shortcuts.map(s => '<a href="#" data-testid="shortcut" data-ts="' + esc(ts)
      + '" data-callback-id="' + esc(s.callback_id) + '">' + esc(s.name) + '</a>').join('')
      + '<a href="#" data-testid="reply-in-thread" data-ts="' + esc(ts) + '">Reply in thread</a>';
    btn.parentElement.appendChild(menu);
  }

  async function submitComposer(input, threadTs) {
    const text = input.value;
    if (!text.trim() || ui.busy) return;
    ui.busy = true;
    const status = $('#composer-status');
    status.textContent = text.trim().startsWith('/') && !threadTs ? 'Sending ' + text.trim().split(/\s+/)[0] + '…' : '';
    try {
      const r = await gesture('send', { channel: ui.channel, text: text, thread_ts: threadTs || null });
      if (r.ok) input.value = '';
    } finally {
      ui.busy = false;
      status.textContent = '';
    }
  }

  $('#composer-form').addEventListener('submit', ev => { ev.preventDefault(); submitComposer($('#composer'), null); });
  $('#thread-form').addEventListener('submit', ev => {
    ev.preventDefault();
    submitComposer($('#thread-composer'), ui.threadTs);
  });
  ['#composer', '#thread-composer'].forEach(sel => $(sel).addEventListener('keydown', ev => {
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      $(sel).closest('form').requestSubmit();
    }
  }));
  $('#user-switcher').addEventListener('change', ev => {
    ui.me = ev.target.value;
    ui.version = -1;
    ui.threadTs = null;
    ui.modalKey = null;
    ui.drafts = {};
    if (ui.snap) ui.snap.modal = null;
    startPolling();
  });

  startPolling();
})();

// The playground's sandbox panel: latency and write faults for the Syncro sandbox, through the
// page's own server (/x-sandbox/), which forwards to the sandbox. Hidden when nothing answers there.
(function () {
  const panel = document.getElementById('sandbox-panel');
  if (!panel) return;
  const status = document.getElementById('sb-status');

  const result = document.getElementById('sb-result');
  let customersShown = '';

  function show(s) {
    const names = s.customers || [];
    if (names.join('|') !== customersShown) {
      customersShown = names.join('|');
      const list = document.getElementById('sb-customers');
      list.replaceChildren(...names.map(n => { const o = document.createElement('option'); o.value = n; return o; }));
    }
    const f = s.faults || {};
    const c = s.counts || {};
    const pending = (f.pendingWrites || []).join(', ') || 'none';
    document.getElementById('sb-down').checked = !!f.down;
    status.textContent = 'latency ' + (f.latencyMs || 0) + ' ms' + (f.down ? ' · DOWN' : '')
      + '\nnext writes: ' + pending
      + '\ncomments ' + c.comments + ' · line items ' + c.lineItems + ' · invoices ' + c.invoices;
  }

  async function call(path, body) {
    const r = await fetch('/x-sandbox/' + path, body === undefined ? {cache: 'no-store'}
      : {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    const json = await r.json();
    if (!r.ok) throw new Error(json.error || json.message || ('HTTP ' + r.status));
    return json;
  }

  async function act(path, body) {
    try {
      show(await call(path, body));
    } catch (e) {
      status.textContent = 'Sandbox: ' + e.message;
    }
  }

  async function refresh() {
    try {
      show(await call('status'));
      panel.hidden = false;
    } catch (e) {
      // Not the playground (or the sandbox stopped): no panel.
    }
  }

  document.getElementById('sb-apply-latency').addEventListener('click', () => {
    const ms = Math.max(0, parseInt(document.getElementById('sb-latency').value || '0', 10) || 0);
    act('faults', {latencyMs: ms});
  });
  panel.querySelectorAll('[data-fault]').forEach(b =>
    b.addEventListener('click', () => act('faults', {nextWrite: b.dataset.fault})));
  document.getElementById('sb-down').addEventListener('change', e => act('faults', {down: e.target.checked}));
  document.getElementById('sb-clear').addEventListener('click', () => {
    document.getElementById('sb-latency').value = '0';
    act('faults', {clear: true});
  });
  document.getElementById('sb-reset').addEventListener('click', () => act('reset', {}));

  // Customer activity: the answer says what happened, in words; the status line refreshes after.
  async function change(path, body) {
    try {
      const r = await call(path, body);
      result.textContent = r.message;
      result.classList.remove('sb-error');
      refresh();
    } catch (e) {
      result.textContent = e.message;
      result.classList.add('sb-error');
    }
  }

  // The buttons name what they will do: "Customer replies on #32150", "New ticket for Canyon Dental Group".
  const replyNumber = document.getElementById('sb-reply-number');
  const newCustomer = document.getElementById('sb-new-customer');
  replyNumber.addEventListener('input', () => {
    document.getElementById('sb-customer-reply').textContent = 'Customer replies on #' + (replyNumber.value || 'N');
  });
  newCustomer.addEventListener('input', () => {
    document.getElementById('sb-new-ticket').textContent = 'New ticket for ' + (newCustomer.value.trim() || 'X');
  });
  document.getElementById('sb-customer-reply').addEventListener('click', () => {
    const n = replyNumber.value.trim();
    if (!/^[0-9]+$/.test(n)) {
      result.textContent = 'Type a ticket number first, e.g. 32150.';
      result.classList.add('sb-error');
      return;
    }
    change('customer-reply', {number: Number(n)});
  });
  document.getElementById('sb-new-ticket').addEventListener('click', () => {
    const customer = newCustomer.value.trim();
    if (!customer) {
      result.textContent = 'Pick a customer first, e.g. Canyon Dental Group.';
      result.classList.add('sb-error');
      return;
    }
    const subject = document.getElementById('sb-new-subject').value.trim();
    change('new-ticket', subject ? {customer, subject} : {customer});
  });

  refresh();
  setInterval(() => { if (!panel.hidden) refresh(); }, 3000);
})();
