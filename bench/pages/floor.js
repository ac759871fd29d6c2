performance.mark('twitch-triage-ready');
