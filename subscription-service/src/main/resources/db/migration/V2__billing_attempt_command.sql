-- sync.results are correlated with the billing attempts that asked for them by command id, a poll's at once
create index billing_attempt_command on billing_attempt (command_id);
